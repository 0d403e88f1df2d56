import { Alert, Card, Collapse, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd'
import type { Me } from '../shared/api.js'
import { formatDate } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'
import { followLink } from '../shell/navigation.js'
import { directivesApi, OCR_STATUS_LABELS } from './directives-api.js'
import { DIRECTIVES_PATH } from './paths.js'
import { TaskTable } from './TaskTable.js'

/** One directive: what it is, what it cites, its tasks for each unit and period, and what came back. */
export default function DirectivePage({ me, id }: { me: Me; id: number }) {
  const { data, error, loading, reload } = useApiData((signal) => directivesApi.get(id, signal), [id])
  if (error) return <Result status="404" title="Không tìm thấy văn bản chỉ đạo" subTitle={error.message} />
  if (!data) return <Skeleton active={loading} />
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <a href={DIRECTIVES_PATH} onClick={(e) => followLink(e, DIRECTIVES_PATH)}>
        ← Chỉ đạo, điều hành
      </a>
      <Typography.Title level={2} style={{ margin: 0 }} data-testid="directive-title">
        {data.label}
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="Văn bản">{data.direction === 'outgoing' ? <Tag color="blue">Văn bản đi</Tag> : <Tag>Văn bản đến</Tag>}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan ban hành">{data.issuer}</Descriptions.Item>
          <Descriptions.Item label="Trích yếu" span={2}>{data.subject}</Descriptions.Item>
          <Descriptions.Item label="Ngày ban hành">{formatDate(data.issued_on)}</Descriptions.Item>
          <Descriptions.Item label="Tệp">{data.file_name ? <a href={`/api/v1/directives/${data.id}/file`}>{data.file_name}</a> : 'Chưa có'}</Descriptions.Item>
          {data.ocr_status !== null && <Descriptions.Item label="Đọc nội dung (OCR)">{OCR_STATUS_LABELS[data.ocr_status] ?? data.ocr_status}</Descriptions.Item>}
          {data.cites.length > 0 && (
            <Descriptions.Item label="Căn cứ, dẫn chiếu" span={2}>
              {data.cites.map((c) => c.label).join('; ')}
            </Descriptions.Item>
          )}
          {data.cited_document_id !== null && <Descriptions.Item label="Dẫn chiếu">Đã ghi để các công văn sau cùng chủ đề dẫn chiếu</Descriptions.Item>}
        </Descriptions>
      </Card>
      {data.ocr_status === 'done' && <ScanText id={data.id} />}
      {data.ocr_status === 'failed' && <Alert type="warning" showIcon message="Không đọc được nội dung bản quét" description={data.ocr_error} />}
      <Card size="small" title="Nhiệm vụ và báo cáo của các đơn vị">
        <TaskTable items={data.tasks} me={me} loading={loading} empty="Văn bản không giao nhiệm vụ nào (trong phạm vi bạn được xem)" onChanged={reload} />
      </Card>
    </Space>
  )
}

/** What the scan says, as read in the background (OCR); fetched when opened. */
function ScanText({ id }: { id: number }) {
  return <Collapse size="small" items={[{ key: 'text', label: 'Nội dung đọc được từ bản quét', children: <ScanTextBody id={id} /> }]} />
}

function ScanTextBody({ id }: { id: number }) {
  const { data, error } = useApiData((signal) => directivesApi.text(id, signal), [id])
  if (error) return <Alert type="warning" showIcon message={error.message} />
  if (!data) return <Skeleton active />
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{data.text}</Typography.Paragraph>
}
