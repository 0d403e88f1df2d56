import { App, Button, Card, DatePicker, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { z } from 'zod'
import type { Json } from '../../../src/contracts/json.js'
import type { PublicationListItem } from '../../../src/contracts/procedures.js'
import { api, ApiError, request, type Me } from '../shared/api.js'
import { formatDate } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'
import { typedDateProps } from '../shared/typed-dates.js'
import { ProcedureFormsModal } from './ProcedureFormsModal.js'

/** GET /api/v1/procedure-publications: a procedure's current version and its publication (null = not known). */
type Publication = Json<z.infer<typeof PublicationListItem>>

type Editable = Omit<Publication, 'code' | 'version' | 'name' | 'level' | 'published_on_time' | 'national_db_on_time'>
type FormValues = { decision_number?: string; decided_on?: Dayjs | null; legal_basis_effective_on?: Dayjs | null; made_public_on?: Dayjs | null; national_db_updated_on?: Dayjs | null; all_parts_published: string; uses_population_data: string; payment_integrated: string }

const LEVELS: Record<string, string> = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' }
const DATE_FIELDS = ['decided_on', 'legal_basis_effective_on', 'made_public_on', 'national_db_updated_on'] as const
const TRI_STATE_LABELS = {
  all_parts_published: 'Công khai đầy đủ các bộ phận của thủ tục (1.3)',
  uses_population_data: 'Thủ tục khai thác dữ liệu dân cư (4.5a)',
  payment_integrated: 'Phí, lệ phí được tích hợp thanh toán trực tuyến (3.5)',
} as const
const tri = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no')
const fromTri = (v: string) => (v === 'unknown' ? null : v === 'yes')

function Verdict({ value, what }: { value: boolean | null; what: string }) {
  if (value === null) return <Tag>chưa đủ dữ liệu</Tag>
  return <Tag color={value ? 'green' : 'red'}>{value ? `${what} đúng hạn` : `${what} trễ hạn`}</Tag>
}

/** Công bố, công khai thủ tục hành chính: what indicators 1.1–1.3 and 4.5a of Decision 766 are computed from. */
export default function ProceduresPage({ me }: { me: Me }) {
  const { message } = App.useApp()
  const { data: rows, error, reload } = useApiData((signal) => request<Publication[]>('GET', '/api/v1/procedure-publications', { signal }), [])
  const [editing, setEditing] = useState<Publication | null>(null)
  const [formsOf, setFormsOf] = useState<Publication | null>(null)
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm<FormValues>()
  // Procedures are the province's: only a province account edits their publication (the server checks again).
  const { data: units } = useApiData(() => api.units(), [])
  const atProvince = units?.some((u) => u.code === me.unit_code && u.parent_code === null) ?? false

  const canEdit = atProvince && me.permissions.includes('import:write')

  const open = (p: Publication) => {
    form.setFieldsValue({
      decision_number: p.decision_number ?? '',
      ...Object.fromEntries(DATE_FIELDS.map((f) => [f, p[f] ? dayjs(p[f]) : null])),
      all_parts_published: tri(p.all_parts_published),
      uses_population_data: tri(p.uses_population_data),
      payment_integrated: tri(p.payment_integrated),
    })
    setEditing(p)
  }

  const save = async () => {
    if (!editing) return
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    const body: Editable = {
      decision_number: v.decision_number?.trim() || null,
      decided_on: v.decided_on ? v.decided_on.format('YYYY-MM-DD') : null,
      legal_basis_effective_on: v.legal_basis_effective_on ? v.legal_basis_effective_on.format('YYYY-MM-DD') : null,
      made_public_on: v.made_public_on ? v.made_public_on.format('YYYY-MM-DD') : null,
      national_db_updated_on: v.national_db_updated_on ? v.national_db_updated_on.format('YYYY-MM-DD') : null,
      all_parts_published: fromTri(v.all_parts_published),
      uses_population_data: fromTri(v.uses_population_data),
      payment_integrated: fromTri(v.payment_integrated),
    }
    setSaving(true)
    try {
      await request('PUT', `/api/v1/procedures/${encodeURIComponent(editing.code)}/publication`, { body })
      void message.success(`Đã cập nhật công bố, công khai thủ tục ${editing.code}`)
      setEditing(null)
      reload()
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
    } finally {
      setSaving(false)
    }
  }

  const date = (d: string | null) => (d ? formatDate(d) : '—')

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          Công bố, công khai thủ tục hành chính
        </Typography.Title>
        <Typography.Text type="secondary">Dữ liệu của các chỉ số 1.1, 1.2, 1.3, 3.5 và 4.5a (Quyết định 766); ô trống là chưa biết, không tính là trễ.</Typography.Text>
      </div>
      <Card size="small">
        {error ? (
          <Typography.Text type="danger">{error.message}</Typography.Text>
        ) : (
          <Table<Publication>
            rowKey="code"
            size="small"
            loading={rows === null}
            dataSource={rows ?? []}
            pagination={false}
            scroll={{ x: 1210 }}
            onRow={(p) => ({ 'data-procedure': p.code }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: 'Mã', dataIndex: 'code', width: 90 },
              { title: 'Thủ tục', dataIndex: 'name', ellipsis: true },
              { title: 'Cấp', dataIndex: 'level', width: 90, render: (l: string) => LEVELS[l] ?? l },
              { title: 'Quyết định công bố', key: 'decision', width: 170, render: (_, p) => (p.decision_number ? `${p.decision_number}, ${date(p.decided_on)}` : date(p.decided_on)) },
              { title: 'VBQPPL có hiệu lực', dataIndex: 'legal_basis_effective_on', width: 120, render: date },
              { title: 'Công khai', dataIndex: 'made_public_on', width: 100, render: date },
              { title: 'CSDL quốc gia', dataIndex: 'national_db_updated_on', width: 110, render: date },
              {
                title: 'Đánh giá',
                key: 'verdicts',
                width: 230,
                render: (_, p) => (
                  <Space size={4} wrap>
                    <Verdict value={p.published_on_time} what="Công bố" />
                    <Verdict value={p.national_db_on_time} what="CSDL" />
                    {p.all_parts_published !== null && <Tag color={p.all_parts_published ? 'green' : 'red'}>{p.all_parts_published ? 'Đủ bộ phận' : 'Thiếu bộ phận'}</Tag>}
                    {p.uses_population_data && <Tag color="blue">Dữ liệu dân cư</Tag>}
                    {p.payment_integrated !== null && <Tag color={p.payment_integrated ? 'blue' : 'default'}>{p.payment_integrated ? 'Tích hợp thanh toán' : 'Chưa tích hợp thanh toán'}</Tag>}
                  </Space>
                ),
              },
              { title: 'Mẫu đơn', key: 'forms', width: 110, render: (_: unknown, p: Publication) => <Button size="small" onClick={() => setFormsOf(p)}>Mẫu đơn, tờ khai</Button> },
              ...(canEdit ? [{ title: '', key: 'edit', width: 90, render: (_: unknown, p: Publication) => <Button size="small" onClick={() => open(p)}>Cập nhật</Button> }] : []),
            ]}
          />
        )}
      </Card>
      {formsOf && <ProcedureFormsModal procedure={formsOf} canEdit={canEdit} onClose={() => setFormsOf(null)} />}
      <Modal open={editing !== null} title={editing ? `${editing.code} — ${editing.name}` : ''} okText="Lưu" cancelText="Hủy" confirmLoading={saving} onOk={save} onCancel={() => setEditing(null)} width={640} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="decision_number" label="Số quyết định công bố" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]}>
            <Input placeholder="Ví dụ: 1234/QĐ-UBND" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="decided_on" label="Ngày quyết định">
              <DatePicker {...typedDateProps} />
            </Form.Item>
            <Form.Item name="legal_basis_effective_on" label="VBQPPL có hiệu lực từ">
              <DatePicker {...typedDateProps} />
            </Form.Item>
            <Form.Item name="made_public_on" label="Ngày công khai">
              <DatePicker {...typedDateProps} />
            </Form.Item>
            <Form.Item name="national_db_updated_on" label="Ngày cập nhật CSDL quốc gia">
              <DatePicker {...typedDateProps} />
            </Form.Item>
          </Space>
          {(Object.keys(TRI_STATE_LABELS) as (keyof typeof TRI_STATE_LABELS)[]).map((name) => (
            <Form.Item key={name} name={name} label={TRI_STATE_LABELS[name]}>
              <Radio.Group optionType="button" options={[{ value: 'yes', label: 'Có' }, { value: 'no', label: 'Không' }, { value: 'unknown', label: 'Chưa rõ' }]} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Space>
  )
}
