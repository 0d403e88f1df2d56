import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, InputNumber, Space, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import { formatDateTime } from '../shared/format.js'
import { readScan, type DossierDetails } from '../desk/desk-api.js'
import { formatMoney } from '../desk/desk-labels.js'
import { SignatureTag } from './SignatureTag.js'
import { ecertRegisterPath, signaturesApi } from './signatures-api.js'

type Entry = DossierDetails['ecert_copies'][number]

interface Props {
  dossier: DossierDetails
  canWrite: boolean
  busy: boolean
  /** Runs one change of the dossier (the page's own: busy state, messages, the new dossier). */
  change: (label: string, action: () => Promise<DossierDetails>, done: string) => Promise<boolean>
  /** Shows why a chosen file cannot be sent. */
  refuse: (reason: string) => void
}

/**
 * Chứng thực bản sao điện tử từ bản chính at the desk: the copies already certified for this
 * dossier (number in the register, signature) and the form that certifies one more — the scan of
 * the original (PDF), signed with the commune's certificate.
 */
/** A certification procedure (lĩnh vực Chứng thực) offers the form; any dossier shows copies already certified. */
const isCertification = (dossier: DossierDetails) => /chứng thực/i.test(dossier.procedure_name) || dossier.ecert_copies.length > 0

export function EcertCopies({ dossier, canWrite, busy, change, refuse }: Props) {
  const [form] = Form.useForm<{ document_name: string; copies: number; fee_vnd: number }>()
  const [file, setFile] = useState<File | null>(null)
  const year = new Date().getFullYear()
  if (!isCertification(dossier)) return null

  const certify = async () => {
    const values = await form.validateFields()
    if (!file) return refuse('Chọn bản quét bản chính (PDF).')
    const scan = await readScan(file)
    if ('error' in scan) return refuse(scan.error)
    const done = await change('ecert', () => signaturesApi.certifyCopy(dossier.code, { ...scan, ...values }), `Đã chứng thực ${values.copies} bản sao điện tử`)
    if (done) {
      form.resetFields()
      setFile(null)
    }
  }

  return (
    <Card
      size="small"
      title="Chứng thực bản sao điện tử từ bản chính"
      style={{ marginTop: 12 }}
      extra={<a href={ecertRegisterPath(dossier.unit_code, year)} target="_blank" rel="noopener">Sổ chứng thực {year}</a>}
    >
      {dossier.ecert_copies.length > 0 && (
        <Table<Entry>
          rowKey={(e) => `${e.year}-${e.number}`}
          size="small"
          pagination={false}
          dataSource={dossier.ecert_copies}
          data-testid="ecert-copies"
          columns={[
            { title: 'Số chứng thực', key: 'number', render: (_, e) => <span data-testid="ecert-number">{`${e.number}/${e.year}`}</span> },
            { title: 'Giấy tờ', dataIndex: 'document_name' },
            { title: 'Số bản', dataIndex: 'copies', width: 70 },
            { title: 'Lệ phí', key: 'fee', render: (_, e) => formatMoney(e.fee_vnd) },
            { title: 'Lúc', key: 'at', render: (_, e) => formatDateTime(e.certified_at) },
            { title: 'Chữ ký số', key: 'signature', render: (_, e) => <SignatureTag signature={e.copy_signature} /> },
          ]}
        />
      )}
      {canWrite && (
        <Form form={form} layout="inline" initialValues={{ copies: 1, fee_vnd: dossier.fee_vnd }} style={{ marginTop: 12, rowGap: 8 }}>
          <Form.Item name="document_name" label="Bản chính" rules={[{ required: true, whitespace: true, message: 'Nhập tên giấy tờ, văn bản' }]}>
            <Input id="ecert-document" placeholder="Giấy khai sinh, bằng tốt nghiệp…" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="copies" label="Số bản" rules={[{ required: true, message: 'Nhập số bản' }]}>
            <InputNumber id="ecert-copies-count" min={1} max={1000} />
          </Form.Item>
          <Form.Item name="fee_vnd" label="Lệ phí (đồng)" rules={[{ required: true, message: 'Nhập lệ phí' }]}>
            <InputNumber id="ecert-fee" min={0} max={100_000_000} step={1000} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Upload accept=".pdf" showUploadList={false} beforeUpload={(f) => (setFile(f), Upload.LIST_IGNORE)}>
                <Button icon={<UploadOutlined />} data-testid="ecert-scan">{file ? file.name : 'Bản quét bản chính (PDF)'}</Button>
              </Upload>
              <Button type="primary" icon={<SafetyCertificateOutlined />} disabled={busy} loading={busy} onClick={() => void certify()} data-testid="ecert-certify">
                Ký số và ghi sổ
              </Button>
            </Space>
          </Form.Item>
        </Form>
      )}
      {!canWrite && dossier.ecert_copies.length === 0 && <Typography.Text type="secondary">Chưa chứng thực bản sao nào.</Typography.Text>}
    </Card>
  )
}
