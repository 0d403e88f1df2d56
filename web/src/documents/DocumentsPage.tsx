import { SearchOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { readScan } from '../desk/desk-api.js'
import { ApiError, type Me } from '../shared/api.js'
import { formatDate, formatDateTime } from '../shared/format.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { useDebounced } from '../shared/use-debounced.js'
import { dossierPath, followLink } from '../shell/navigation.js'
import { documentsApi, OCR_STATUS_LABELS, type IncomingDocument } from './documents-api.js'

interface NewDocumentValues {
  number: string
  title: string
  issued_on?: Dayjs | null
}

/**
 * Văn bản: incoming documents kept as scans, and a search over what the scans say — incoming
 * documents and dossiers' components, read (OCR) in the background — typed with or without diacritics.
 */
export default function DocumentsPage({ me }: { me: Me }) {
  const { message } = App.useApp()
  const units = useVisibleUnits()
  const [unit, setUnit] = useState(() => new URLSearchParams(window.location.search).get('unit') || me.unit_code)
  const [query, setQuery] = useState('')
  const typed = useDebounced(query.trim(), 400)
  const [adding, setAdding] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm<NewDocumentValues>()
  const canWrite = me.permissions.includes('dossiers:write')

  useEffect(() => {
    window.history.replaceState(null, '', `${window.location.pathname}?unit=${encodeURIComponent(unit)}`)
  }, [unit])
  const documents = useApiData((signal) => documentsApi.list(unit, signal), [unit])
  const hits = useApiData((signal) => (typed.length >= 2 ? documentsApi.search(unit, typed, signal) : Promise.resolve(null)), [unit, typed])

  const save = async () => {
    const values = await form.validateFields()
    if (!file) return void message.error('Chọn tệp bản quét (PDF, PNG, JPEG).')
    const scan = await readScan(file)
    if ('error' in scan) return void message.error(scan.error, 6)
    setSaving(true)
    try {
      await documentsApi.record({ unit, number: values.number?.trim() ?? '', title: values.title.trim(), ...(values.issued_on ? { issued_on: values.issued_on.format('YYYY-MM-DD') } : {}), ...scan })
      void message.success('Đã lưu văn bản đến; nội dung sẽ được đọc trong ít phút')
      setAdding(false)
      setFile(null)
      form.resetFields()
      documents.reload()
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Văn bản, bản quét
          </Typography.Title>
          <Typography.Text type="secondary">Văn bản đến và thành phần hồ sơ đã quét được đọc tự động (OCR); tìm theo nội dung, gõ có dấu hoặc không dấu</Typography.Text>
        </div>
        <Space wrap align="end">
          {hasChoice(units) && <UnitPicker units={units} value={unit} expanded={me.unit_code} onChange={setUnit} />}
          {canWrite && (
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setAdding(true)}>
              Lưu văn bản đến
            </Button>
          )}
        </Space>
      </div>
      <Card size="small" title="Tìm trong nội dung bản quét">
        <Input allowClear prefix={<SearchOutlined />} placeholder="Ví dụ: hung dao tai son" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="Tìm trong nội dung bản quét" style={{ maxWidth: 480 }} />
        {hits.error && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={hits.error.message} />}
        {hits.data && (
          <List
            style={{ marginTop: 12 }}
            data-testid="text-hits"
            locale={{ emptyText: <Empty description="Không có bản quét nào chứa cụm từ này" /> }}
            dataSource={hits.data}
            renderItem={(h) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    h.kind === 'component' && h.dossier_code ? (
                      <a href={dossierPath(h.dossier_code)} onClick={(e) => followLink(e, dossierPath(h.dossier_code!))}>
                        Hồ sơ {h.dossier_code}: {h.component_name}
                      </a>
                    ) : (
                      <span>
                        Văn bản đến {h.document_number ? `số ${h.document_number}` : ''}: {h.document_title}
                      </span>
                    )
                  }
                  description={`${h.unit_code} — ${h.file_name}`}
                />
                <Typography.Text>{h.snippet}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title="Văn bản đến">
        <Table<IncomingDocument>
          rowKey="id"
          size="small"
          loading={documents.loading}
          dataSource={documents.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={documents.error ? documents.error.message : 'Chưa có văn bản đến nào'} /> }}
          columns={[
            { title: 'Số, ký hiệu', dataIndex: 'number' },
            { title: 'Trích yếu', dataIndex: 'title' },
            { title: 'Ngày văn bản', dataIndex: 'issued_on', render: (d: string | null) => (d ? formatDate(d) : '') },
            { title: 'Đơn vị nhận', dataIndex: 'unit_name' },
            { title: 'Ngày nhận', dataIndex: 'received_at', render: (d: string) => formatDateTime(d) },
            {
              title: 'Đọc nội dung',
              key: 'ocr',
              render: (_, d) => {
                const label = OCR_STATUS_LABELS[d.ocr_status ?? ''] ?? '—'
                return d.ocr_error ? (
                  <Tooltip title={d.ocr_error}>
                    <Tag color="red">{label}</Tag>
                  </Tooltip>
                ) : (
                  <Tag color={d.ocr_status === 'done' ? 'green' : 'default'}>{label}</Tag>
                )
              },
            },
          ]}
        />
      </Card>
      {adding && (
        <Modal open title="Lưu văn bản đến" okText="Lưu" cancelText="Hủy" confirmLoading={saving} onOk={() => void save()} onCancel={() => setAdding(false)} destroyOnHidden>
          <Form<NewDocumentValues> form={form} layout="vertical">
            <Form.Item name="number" label="Số, ký hiệu">
              <Input maxLength={60} placeholder="1262/UBND-VP" />
            </Form.Item>
            <Form.Item name="title" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu của văn bản' }]}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="issued_on" label="Ngày văn bản">
              <DatePicker format="D/M/YYYY" />
            </Form.Item>
            <Upload accept=".pdf,.png,.jpg,.jpeg" showUploadList={false} beforeUpload={(f) => (setFile(f), Upload.LIST_IGNORE)}>
              <Button icon={<UploadOutlined />}>{file ? file.name : 'Chọn bản quét (PDF, PNG, JPEG)'}</Button>
            </Upload>
          </Form>
        </Modal>
      )}
    </Space>
  )
}
