import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Tag, Typography } from 'antd'
import { useRef, useState } from 'react'
import { ApiError, type Me } from '../shared/api.js'
import { formatCount, formatDateTime } from '../shared/format.js'
import { dossierPath, DESK_PATH, navigate } from '../shell/navigation.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { CHANNEL_LABELS, deskApi, type ProcedureChoice } from './desk-api.js'
import { formatWorkingDays, ONLINE_LEVEL_LABELS } from './desk-labels.js'
import { FlagChoices, RECEIPT_FLAGS, type Flags } from './DossierFlags.js'
import { useApiData } from '../shared/use-api-data.js'
import { useDebounced } from '../shared/use-debounced.js'
import { withConfirmation } from './confirm-warning.js'
import { LevelNotice } from './LevelNotice.js'
import { DeskPageHeader } from './DeskPageHeader.js'

const NO_PROCEDURES: ProcedureChoice[] = []

interface ApplicantFields {
  name: string
  id_number?: string
  phone?: string
  address?: string
  channel: string
  fee_vnd?: number | null
  paid_online?: boolean
}

/** Tiếp nhận hồ sơ: find the procedure as people type it, tick what was handed in, see the appointment date, receive. */
export default function ReceiveDossier({ me }: { me: Me }) {
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<ApplicantFields>()
  const units = useVisibleUnits()
  const [unit, setUnit] = useState(me.unit_code)
  const [query, setQuery] = useState('')
  const [procedure, setProcedure] = useState<ProcedureChoice | null>(null)
  const [received, setReceived] = useState<number[]>([])
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [flags, setFlags] = useState<Partial<Flags>>({})

  // Search as the officer types, a moment after the last key; the server folds diacritics ("chung thuc" finds "chứng thực").
  const settledQuery = useDebounced(query, 200)
  const search = useApiData((signal) => deskApi.procedures(settledQuery, signal), [settledQuery])
  const options = search.data ?? NO_PROCEDURES
  const searching = search.loading || query !== settledQuery
  // Every procedure the list has shown: a click on an option while the next search is on its way
  // (the list then briefly empty) still chooses the procedure clicked.
  const shown = useRef(new Map<string, ProcedureChoice>())
  for (const p of options) shown.current.set(p.code, p)

  // The appointment the slip will carry, from the working-day calendar (holidays, 17:00 cut-off).
  const due = useApiData(
    async () => (procedure ? (await deskApi.dueDate(new Date().toISOString(), procedure.processing_days, procedure.cutoff_time)).due_at : null),
    [procedure],
  )

  const choose = (code: string) => {
    const chosen = options.find((p) => p.code === code) ?? shown.current.get(code) ?? null
    setProcedure(chosen)
    setReceived(chosen ? chosen.components.filter((c) => c.required).map((c) => c.position) : [])
    form.setFieldsValue({ fee_vnd: chosen?.fee_vnd ?? 0, paid_online: false })
    setError(null)
  }

  const missing = procedure ? procedure.components.filter((c) => c.required && !received.includes(c.position)) : []
  const fee = Form.useWatch('fee_vnd', form) ?? 0
  // A failed search is told where the receipt's own errors are.
  const shownError = error ?? search.error?.message ?? null

  const submit = async (fields: ApplicantFields) => {
    if (!procedure) return setError('Chọn thủ tục hành chính trước khi tiếp nhận.')
    if (missing.length) return setError(`Còn thiếu thành phần bắt buộc: ${missing.map((c) => c.name).join('; ')}.`)
    setSubmitting(true)
    setError(null)
    try {
      // A procedure above the desk's level is received on the higher level's behalf only when the officer confirms.
      const dossier = await withConfirmation(modal, (confirmed) => deskApi.receive({
        unit,
        procedure_code: procedure.code,
        applicant: {
          name: fields.name.trim(),
          id_number: fields.id_number?.trim() || null,
          phone: fields.phone?.replace(/[\s.]/g, '') || null,
          address: fields.address?.trim() || null,
        },
        channel: fields.channel,
        received_components: received,
        fee_vnd: fields.fee_vnd ?? 0,
        paid_online: Boolean(fields.paid_online) && (fields.fee_vnd ?? 0) > 0,
        // Only what the officer knows: "Chưa rõ" stays unknown rather than becoming "không".
        ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== null && v !== undefined)),
      }, confirmed), 'Thủ tục của cấp trên')
      if (dossier === null) return
      void message.success(`Đã tiếp nhận hồ sơ ${dossier.code}`)
      navigate(`${dossierPath(dossier.code)}?moi=1`)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : (e as Error).message)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <DeskPageHeader title="Tiếp nhận hồ sơ" />
      <Form<ApplicantFields> form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'direct', fee_vnd: 0, paid_online: false }}>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title="1. Thủ tục hành chính">
              {hasChoice(units) && (
                <Form.Item label="Đơn vị tiếp nhận" htmlFor="receive-unit">
                  <UnitPicker id="receive-unit" units={units} value={unit} expanded={me.unit_code} onChange={setUnit} style={{ width: '100%' }} />
                </Form.Item>
              )}
              <Form.Item label="Tìm thủ tục theo tên hoặc mã (gõ không dấu được)" htmlFor="procedure-search" required>
                <Select<string>
                  id="procedure-search"
                  showSearch
                  filterOption={false}
                  onSearch={setQuery}
                  onChange={choose}
                  value={procedure?.code}
                  placeholder="Ví dụ: khai sinh, chung thuc, 1.001193"
                  notFoundContent={searching ? <Spin size="small" /> : 'Không tìm thấy thủ tục nào'}
                  options={options.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
                  optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
                  aria-label="Tìm thủ tục hành chính"
                />
              </Form.Item>
              {procedure && (
                <>
                  <LevelNotice procedureLevel={procedure.level} unitKind={units.find((u) => u.code === unit)?.kind} />
                  <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 12 }}>
                    <Descriptions.Item label="Lĩnh vực">{procedure.field ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="Dịch vụ công">{ONLINE_LEVEL_LABELS[procedure.online_level] ?? procedure.online_level}</Descriptions.Item>
                    <Descriptions.Item label="Thời hạn giải quyết">{formatWorkingDays(procedure.processing_days)}</Descriptions.Item>
                    <Descriptions.Item label="Phí, lệ phí">{procedure.fee_vnd ? `${formatCount(procedure.fee_vnd)} đồng` : 'Không thu'}</Descriptions.Item>
                  </Descriptions>
                  <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
                    <legend style={{ fontWeight: 600, marginBottom: 8 }}>Thành phần hồ sơ đã nhận</legend>
                    <Checkbox.Group value={received} onChange={(values) => setReceived(values as number[])} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
                      {procedure.components.map((c) => (
                        <Checkbox key={c.position} value={c.position} data-component={c.position}>
                          {c.position}. {c.name} {c.required ? <Tag color="red">bắt buộc</Tag> : <Tag>nếu có</Tag>}
                        </Checkbox>
                      ))}
                    </Checkbox.Group>
                    {procedure.components.length === 0 && <Typography.Text type="secondary">Thủ tục không quy định thành phần hồ sơ.</Typography.Text>}
                  </fieldset>
                  {missing.length > 0 && (
                    <Alert
                      style={{ marginTop: 12 }}
                      type="warning"
                      showIcon
                      message="Hồ sơ chưa đủ thành phần bắt buộc"
                      description={`Thiếu: ${missing.map((c) => c.name).join('; ')}. Chưa tiếp nhận; hướng dẫn công dân bổ sung cho đủ.`}
                    />
                  )}
                  <div style={{ marginTop: 12 }} data-testid="appointment">
                    <Typography.Text strong>Ngày hẹn trả kết quả: </Typography.Text>
                    {due.error ? <Typography.Text type="danger">{due.error.message}</Typography.Text> : due.data ? <span data-testid="appointment-date">{formatDateTime(due.data)}</span> : <Spin size="small" />}
                    <Typography.Text type="secondary"> (tính theo lịch làm việc, nếu tiếp nhận ngay bây giờ)</Typography.Text>
                  </div>
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title="2. Người nộp hồ sơ">
              <Form.Item name="name" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên người nộp hồ sơ' }, { max: 200, message: 'Tối đa 200 ký tự' }]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item name="id_number" label="Số CCCD/CMND/hộ chiếu" rules={[{ pattern: /^[0-9A-Za-z]{6,20}$/, message: 'Từ 6 đến 20 chữ số hoặc chữ cái, không có dấu cách' }]}>
                <Input autoComplete="off" inputMode="numeric" />
              </Form.Item>
              <Form.Item name="phone" label="Số điện thoại" rules={[{ pattern: /^\+?[0-9 .]{8,20}$/, message: 'Số điện thoại không hợp lệ' }]}>
                <Input autoComplete="off" inputMode="tel" />
              </Form.Item>
              <Form.Item name="address" label="Địa chỉ" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="channel" label="Hình thức nộp">
                <Radio.Group options={Object.entries(CHANNEL_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name="fee_vnd" label="Phí, lệ phí (đồng)">
                  <InputNumber<number> min={0} step={1000} style={{ width: 160 }} formatter={(v) => (v === undefined ? '' : formatCount(Number(v)))} parser={(v) => Number((v ?? '').replace(/\D/g, ''))} />
                </Form.Item>
                <Form.Item name="paid_online" valuePropName="checked" label=" ">
                  <Checkbox disabled={!fee}>Đã thanh toán trực tuyến</Checkbox>
                </Form.Item>
              </Space>
            </Card>
            <Card size="small" title="3. Thông tin cho Chỉ số 766" style={{ marginTop: 12 }}>
              <FlagChoices names={RECEIPT_FLAGS} value={flags} onChange={(name, value) => setFlags((f) => ({ ...f, [name]: value }))} />
            </Card>
          </Col>
        </Row>
        {shownError && <Alert type="error" showIcon message={shownError} style={{ marginTop: 12 }} role="alert" />}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" htmlType="submit" loading={submitting} disabled={!procedure || missing.length > 0}>
            Tiếp nhận và cấp giấy hẹn
          </Button>
          <Button href={DESK_PATH} onClick={(e) => (e.preventDefault(), navigate(DESK_PATH))}>
            Hủy
          </Button>
        </Space>
      </Form>
    </Space>
  )
}
