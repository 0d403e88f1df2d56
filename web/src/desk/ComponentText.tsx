import { FileTextOutlined } from '@ant-design/icons'
import { Alert, Button, Modal, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import type { z } from 'zod'
import type { FileReading as FileReadingSchema } from '../../../src/contracts/documents.js'
import type { Json } from '../../../src/contracts/json.js'
import { request } from '../shared/api.js'
import { formatDateTime } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'

type FileReading = Json<z.infer<typeof FileReadingSchema>>

const STATUS_TEXT: Record<FileReading['status'], string> = {
  none: 'Bản quét này chưa được xếp hàng đọc.',
  queued: 'Bản quét đang chờ đọc (OCR); mở lại sau ít phút.',
  running: 'Đang đọc bản quét (OCR); mở lại sau ít phút.',
  done: '',
  failed: 'Không đọc được bản quét.',
}

function TextOfScan({ code, position }: { code: string; position: number }) {
  const { data, error } = useApiData(
    (signal) => request<FileReading>('GET', `/api/v1/dossiers/${encodeURIComponent(code)}/components/${position}/text`, { signal }),
    [code, position],
  )
  if (error) return <Alert type="error" showIcon message={error.message} />
  if (!data) return <Skeleton active />
  if (data.status !== 'done') return <Alert type={data.status === 'failed' ? 'error' : 'info'} showIcon message={STATUS_TEXT[data.status]} description={data.error ?? undefined} />
  return (
    <>
      <Typography.Paragraph type="secondary">
        Đọc bằng {data.engine} lúc {formatDateTime(data.recognized_at)}, {data.pages} trang. Văn bản đọc tự động có thể sai chữ: đối chiếu với bản quét.
      </Typography.Paragraph>
      <pre data-testid="component-text" style={{ whiteSpace: 'pre-wrap', fontFamily: "'Times New Roman', 'Liberation Serif', serif", fontSize: 15, maxHeight: '60vh', overflow: 'auto', background: '#fafafa', padding: 12 }}>
        {data.text}
      </pre>
    </>
  )
}

/** "Xem chữ": the text read (OCR) from a component's scan, loaded when asked for (reading it is audited). */
export function ComponentText({ code, position, name }: { code: string; position: number; name: string }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setOpen(true)} data-testid={`scan-text-${position}`}>
        Xem chữ
      </Button>
      {open && (
        <Modal open width={760} title={`Nội dung đọc được: ${name}`} footer={null} onCancel={() => setOpen(false)}>
          <TextOfScan code={code} position={position} />
        </Modal>
      )}
    </>
  )
}
