import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, DatePicker, Divider, Form, Input, Modal, Radio, Select, Space, Typography, Upload } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { ApiError, type Unit } from '../shared/api.js'
import { formatDate } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'
import { attachedFile, directivesApi, RECURRENCE_CHOICES, type DirectiveDetails } from './directives-api.js'

interface TaskFields {
  title: string
  assignees: string[]
  monitor: string
  recurrence: string
  due_on?: Dayjs | null
  ends_on?: Dayjs | null
}

interface Fields {
  direction: 'incoming' | 'outgoing'
  doc_type: string
  number: string
  issued_on: Dayjs
  issuer: string
  subject: string
  topic?: string
  cites?: number[]
  tasks: TaskFields[]
}

interface Props {
  open: boolean
  unit: string
  /** The period of a letter drafted from the figures (from the dashboard), to propose its tasks. */
  letterPeriod?: { from: string; to: string } | null
  units: Unit[]
  onClose: () => void
  onRecorded: (directive: DirectiveDetails) => void
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null)
// As the letters write dates (15/9/2022), and typed the same way.
const DATE_FORMAT = 'D/M/YYYY'

/**
 * Ghi văn bản chỉ đạo: a letter received or sent, its scan and its tasks. For a letter drafted
 * from the figures, "Lấy nhiệm vụ đề xuất" fills in the tasks it orders (the criticised communes'
 * reports by its deadline, the office's weekly summary) for the clerk to check before recording.
 */
export function RecordDirectiveModal({ open, unit, units, letterPeriod = null, onClose, onRecorded }: Props) {
  const { message } = App.useApp()
  const [form] = Form.useForm<Fields>()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [letterFrom, setLetterFrom] = useState<Dayjs | null>(letterPeriod ? dayjs(letterPeriod.from) : null)
  const [letterTo, setLetterTo] = useState<Dayjs | null>(letterPeriod ? dayjs(letterPeriod.to) : null)
  const [proposal, setProposal] = useState<string | null>(null)
  const unitOptions = units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))
  // What the directive may cite: the documents kept for the unit's letters (one definition, cited by id).
  const cited = useApiData((signal) => (open ? directivesApi.citedDocuments(unit, signal) : Promise.resolve([])), [open, unit])
  const citeOptions = (cited.data ?? []).map((d) => ({ value: d.id, label: `${d.docType} số ${d.number} ngày ${formatDate(d.issuedOn)}${d.issuer ? ` của ${d.issuer}` : ''}` }))

  const propose = async () => {
    if (!letterFrom || !letterTo) return void message.warning('Chọn kỳ số liệu của công văn (từ ngày, đến ngày)')
    const issued = form.getFieldValue('issued_on') as Dayjs | undefined
    setBusy(true)
    try {
      const p = await directivesApi.proposal({ unit, from: letterFrom.format('YYYY-MM-DD'), to: letterTo.format('YYYY-MM-DD'), ...(issued ? { date: issued.format('YYYY-MM-DD') } : {}) })
      form.setFieldsValue({
        direction: 'outgoing',
        issued_on: dayjs(p.letter_date),
        subject: p.subject,
        topic: p.topic ?? undefined,
        tasks: p.tasks.map((t) => ({ title: t.title, assignees: t.assignees, monitor: t.monitor, recurrence: t.recurrence, due_on: t.due_on ? dayjs(t.due_on) : null, ends_on: t.ends_on ? dayjs(t.ends_on) : null })),
      })
      setProposal(`Công văn ngày ${formatDate(p.letter_date)} giao ${p.tasks.length} nhiệm vụ (hạn trong công văn: trước ngày ${formatDate(p.deadline)}). Kiểm tra rồi bấm Ghi.`)
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
    } finally {
      setBusy(false)
    }
  }

  const record = async () => {
    // The form marks what is missing; nothing is sent until it is complete.
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    setBusy(true)
    try {
      const directive = await directivesApi.record({
        unit, direction: v.direction, doc_type: v.doc_type.trim(), number: v.number.trim(), issued_on: v.issued_on.format('YYYY-MM-DD'), issuer: v.issuer.trim(), subject: v.subject.trim(),
        topic: v.topic?.trim() || null,
        cites: v.cites ?? [],
        ...(file ? { file: await attachedFile(file) } : {}),
        tasks: (v.tasks ?? []).map((t) => ({ title: t.title.trim(), assignees: t.assignees, monitor: t.monitor, recurrence: t.recurrence, due_on: t.recurrence === 'once' ? iso(t.due_on) : null, ends_on: iso(t.ends_on) })),
      })
      void message.success(`Đã ghi ${directive.label} với ${new Set(directive.tasks.map((t) => t.task_id)).size} nhiệm vụ${directive.ocr_status === 'queued' ? '; nội dung bản quét sẽ được đọc trong ít phút' : ''}`)
      form.resetFields()
      setFile(null)
      setProposal(null)
      onRecorded(directive)
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 8)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal open={open} width={900} title="Ghi văn bản chỉ đạo" okText="Ghi" cancelText="Hủy" confirmLoading={busy} onOk={() => void record()} onCancel={() => (form.resetFields(), setProposal(null), onClose())} destroyOnHidden>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Công văn soạn từ số liệu (Bảng điều hành → Dự thảo công văn): chọn kỳ số liệu để lấy các nhiệm vụ công văn giao.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <DatePicker id="letter-from" placeholder="Số liệu từ ngày" format={DATE_FORMAT} value={letterFrom} onChange={setLetterFrom} />
        <DatePicker id="letter-to" placeholder="đến ngày" format={DATE_FORMAT} value={letterTo} onChange={setLetterTo} />
        <Button onClick={() => void propose()} loading={busy}>
          Lấy nhiệm vụ đề xuất
        </Button>
      </Space>
      {proposal && <Typography.Paragraph data-testid="proposal-note">{proposal}</Typography.Paragraph>}
      {/* Values kept while fields mount: the proposal fills a list whose fields appear only after it. */}
      <Form<Fields> form={form} layout="vertical" initialValues={{ direction: 'outgoing', doc_type: 'Công văn', tasks: [] }}>
        <Space wrap align="start">
          <Form.Item name="direction" label="Văn bản">
            <Radio.Group options={[{ value: 'outgoing', label: 'Đi (của đơn vị)' }, { value: 'incoming', label: 'Đến (cấp trên)' }]} />
          </Form.Item>
          <Form.Item name="doc_type" label="Loại" rules={[{ required: true, whitespace: true, message: 'Ghi loại văn bản' }]}>
            <Input style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="number" label="Số, ký hiệu" rules={[{ required: true, whitespace: true, message: 'Ghi số văn bản' }]}>
            <Input id="directive-number" style={{ width: 170 }} placeholder="1262/UBND-VP" />
          </Form.Item>
          <Form.Item name="issued_on" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker id="directive-date" format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="issuer" label="Cơ quan ban hành" rules={[{ required: true, whitespace: true, message: 'Ghi cơ quan ban hành' }]}>
            <Input id="directive-issuer" style={{ width: 280 }} placeholder="UBND huyện Tứ Kỳ" />
          </Form.Item>
          <Form.Item name="topic" label="Chủ đề (để công văn sau dẫn chiếu)">
            <Input style={{ width: 200 }} placeholder="digitization" />
          </Form.Item>
        </Space>
        <Form.Item name="subject" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Ghi trích yếu' }]}>
          <Input.TextArea id="directive-subject" rows={2} />
        </Form.Item>
        <Form.Item name="cites" label="Văn bản căn cứ, dẫn chiếu">
          <Select mode="multiple" options={citeOptions} optionFilterProp="label" placeholder="Kế hoạch, quyết định, công văn đã ghi của đơn vị" />
        </Form.Item>
        <Upload accept=".pdf,.png,.jpg,.jpeg" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
          <Button>Đính kèm bản PDF, bản quét</Button>
        </Upload>
        <Divider titlePlacement="start">Nhiệm vụ giao</Divider>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ border: '1px solid #f0f0f0', padding: 8, marginBottom: 8 }} data-testid="task-fields">
                  <Space align="start" style={{ width: '100%' }}>
                    <Form.Item name={[field.name, 'title']} label="Nội dung" rules={[{ required: true, whitespace: true, message: 'Ghi nội dung' }]} style={{ width: 780 }}>
                      <Input.TextArea rows={1} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="Bỏ nhiệm vụ" />
                  </Space>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'assignees']} label="Đơn vị thực hiện" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                      <Select mode="multiple" style={{ width: 360 }} options={unitOptions} optionFilterProp="label" maxTagCount={4} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'monitor']} label="Đơn vị theo dõi" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                      <Select style={{ width: 220 }} options={unitOptions} showSearch optionFilterProp="label" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'recurrence']} label="Chu kỳ">
                      <Select style={{ width: 200 }} options={RECURRENCE_CHOICES} />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['tasks', field.name, 'recurrence']) === 'once' ? (
                          <Form.Item name={[field.name, 'due_on']} label="Hạn (ngày cuối còn đúng hạn)" rules={[{ required: true, message: 'Chọn hạn' }]}>
                            <DatePicker format={DATE_FORMAT} />
                          </Form.Item>
                        ) : (
                          <Form.Item name={[field.name, 'ends_on']} label="Đến ngày">
                            <DatePicker format={DATE_FORMAT} />
                          </Form.Item>
                        )
                      }
                    </Form.Item>
                  </Space>
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ recurrence: 'once', assignees: [] })}>
                Thêm nhiệm vụ
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
