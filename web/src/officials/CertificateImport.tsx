import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Input, Modal, Space, Table, Tag, Typography, Upload } from 'antd'
import { useState } from 'react'
import { ApiError } from '../shared/api.js'
import { formatDate } from '../shared/format.js'
import { officialsApi, readCertificateUpload, type CertificateImportReport, type UploadedFile } from './officials-api.js'

interface Props {
  unit: string
  onClose: () => void
  onApplied: (count: number) => void
}

/**
 * The certificates Ban Cơ yếu sends, as files, a folder or a .zip: checked first (a dry run names
 * every file: matched, unmatched, invalid), then recorded all together — or not at all.
 */
export function CertificateImport({ unit, onClose, onApplied }: Props) {
  const [files, setFiles] = useState<UploadedFile[]>([])
  const [skipped, setSkipped] = useState<string[]>([])
  const [password, setPassword] = useState('')
  const [report, setReport] = useState<CertificateImportReport | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const add = async (file: File) => {
    const read = await readCertificateUpload(file)
    if ('error' in read) setSkipped((s) => [...s, read.error])
    else setFiles((f) => [...f.filter((x) => x.file_name !== read.file_name), read])
    setReport(null)
  }

  const send = async (dryRun: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const answer = await officialsApi.importCertificates({ files, dry_run: dryRun, unit, ...(password ? { password } : {}) })
      setReport(answer)
      if (answer.applied) onApplied(answer.matched.length)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : (e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const clean = report !== null && report.dry_run && report.invalid.length === 0 && report.unmatched.length === 0 && report.matched.length > 0
  const rows = report
    ? [
        ...report.matched.map((m) => ({ file: m.file, result: <Tag color={m.expired ? 'red' : m.expiring_soon ? 'orange' : 'green'}>Khớp</Tag>, detail: `${m.full_name} (${m.unit_code}), hết hạn ${formatDate(m.valid_to)}${m.expired ? ' — đã hết hạn' : m.expiring_soon ? ' — hết hạn trong 30 ngày' : ''}` })),
        ...report.unmatched.map((u) => ({ file: u.file, result: <Tag color="gold">Không khớp</Tag>, detail: u.reason })),
        ...report.invalid.map((i) => ({ file: i.file, result: <Tag color="red">Lỗi</Tag>, detail: i.reason })),
      ]
    : []

  return (
    <Modal
      open
      width={820}
      title="Nhập chứng thư số hàng loạt"
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>Đóng</Button>,
        <Button key="check" disabled={files.length === 0} loading={busy} onClick={() => void send(true)} data-testid="import-check">Kiểm tra</Button>,
        <Button key="apply" type="primary" disabled={!clean} loading={busy} onClick={() => void send(false)}>Ghi vào danh sách</Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">
        Chọn các tệp .cer, .crt, .pem, .p12 (hoặc một thư mục, một tệp .zip). Chứng thư được khớp với cán bộ theo số CMND/CCCD ghi trong chứng thư, nếu không thì theo họ tên. Chỉ ghi khi mọi tệp đều khớp.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Upload multiple accept=".cer,.crt,.pem,.der,.p12,.pfx,.zip" showUploadList={false} beforeUpload={(file) => (void add(file), Upload.LIST_IGNORE)}>
          <Button icon={<UploadOutlined />}>Chọn tệp</Button>
        </Upload>
        <Upload directory showUploadList={false} beforeUpload={(file) => (void add(file), Upload.LIST_IGNORE)}>
          <Button icon={<FolderOpenOutlined />}>Chọn thư mục</Button>
        </Upload>
        <Input.Password placeholder="Mật khẩu tệp .p12 (nếu có)" value={password} onChange={(e) => (setPassword(e.target.value), setReport(null))} style={{ width: 240 }} autoComplete="off" />
        <Typography.Text>{files.length} tệp đã chọn</Typography.Text>
        {files.length > 0 && <Button type="link" onClick={() => (setFiles([]), setSkipped([]), setReport(null))}>Bỏ chọn</Button>}
      </Space>
      {skipped.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="Bỏ qua" description={skipped.join(' ')} />}
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={error} />}
      {report && (
        <>
          <Alert
            style={{ marginBottom: 12 }}
            showIcon
            type={report.applied ? 'success' : clean ? 'info' : 'error'}
            message={`Khớp ${report.matched.length}, không khớp ${report.unmatched.length}, lỗi ${report.invalid.length}`}
            description={report.applied ? 'Đã ghi vào danh sách.' : clean ? 'Mọi tệp đều khớp: bấm "Ghi vào danh sách".' : report.dry_run ? 'Sửa hoặc bỏ các tệp không khớp, bị lỗi rồi kiểm tra lại.' : 'Chưa ghi gì: sửa hoặc bỏ các tệp không khớp, bị lỗi.'}
          />
          <Table rowKey="file" size="small" pagination={false} dataSource={rows} columns={[{ title: 'Tệp', dataIndex: 'file' }, { title: 'Kết quả', dataIndex: 'result', width: 110 }, { title: 'Chi tiết', dataIndex: 'detail' }]} />
        </>
      )}
    </Modal>
  )
}
