import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Checkbox, Dropdown, Empty, Form, Input, Modal, Result, Select, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { ApiError, type Me } from '../shared/api.js'
import { formatDateTime } from '../shared/format.js'
import { hasChoice, UnitPicker, useVisibleUnits } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { CLASSIFICATION_LABELS, FEEDBACK_CHANNEL_LABELS, feedbackApi, feedbackStage, REACTION_LABELS, STEP_LABELS, type FeedbackItem, type FeedbackStepBody, type NewFeedback } from './feedback-api.js'
import { labelOf } from '../shared/labels.js'
import { LateEntryTag } from '../shared/LateEntryTag.js'

const PAGE_SIZE = 20
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

/** Phản ánh, kiến nghị: receive, classify and handle within the deadlines that index 5.2 judges. */
export default function FeedbackPage({ me }: { me: Me }) {
  const { message } = App.useApp()
  const [unit, setUnit] = useState(() => new URLSearchParams(window.location.search).get('unit') || me.unit_code)
  const [page, setPage] = useState(1)
  const units = useVisibleUnits()
  const [creating, setCreating] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [form] = Form.useForm<NewFeedback>()
  const canWrite = me.permissions.includes('dossiers:write')

  useEffect(() => {
    window.history.replaceState(null, '', `${window.location.pathname}?unit=${encodeURIComponent(unit)}`)
  }, [unit])
  const { data, error, loading, reload } = useApiData((signal) => feedbackApi.list({ unit, page, page_size: PAGE_SIZE }, signal), [unit, page])

  const step = async (item: FeedbackItem, body: FeedbackStepBody, label: string) => {
    setBusy(item.id)
    try {
      await feedbackApi.step(item.id, body)
      reload()
      void message.success(`${item.code}: ${label}`)
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
    } finally {
      setBusy(null)
    }
  }

  const create = async () => {
    // An empty form: its fields say what is missing; the refused check is not an error of the page.
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    try {
      const item = await feedbackApi.create({
        ...values,
        summary: values.summary.trim(),
        ...(values.procedure_code?.trim() ? { procedure_code: values.procedure_code.trim() } : { procedure_code: undefined }),
        ...(values.dossier_code?.trim() ? { dossier_code: values.dossier_code.trim() } : { dossier_code: undefined }),
      })
      void message.success(`Đã tiếp nhận phản ánh ${item.code}`)
      setCreating(false)
      setPage(1)
      reload()
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
    }
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Phản ánh, kiến nghị
          </Typography.Title>
          <Typography.Text type="secondary">Thời hạn: từ chối trong 2, yêu cầu bổ sung trong 5, xử lý trong 15, công khai kết quả trong 2 ngày làm việc</Typography.Text>
        </div>
        <Space wrap align="end">
          {hasChoice(units) && <UnitPicker units={units} value={unit} expanded={me.unit_code} onChange={(u) => (setPage(1), setUnit(u))} />}
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              Tiếp nhận phản ánh
            </Button>
          )}
        </Space>
      </div>
      <Card size="small">
        {error ? (
          <Result status="warning" title="Không tải được phản ánh, kiến nghị" subTitle={error.message} />
        ) : (
          <Table<FeedbackItem>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            scroll={{ x: 1160 }}
            onRow={(f) => ({ 'data-feedback': f.code }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description="Chưa có phản ánh, kiến nghị nào" /> }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `${t.toLocaleString('vi-VN')} phản ánh` }}
            columns={[
              {
                // Codes are unique within a unit: the unit's code goes with it, so PA-001 of two communes are told apart.
                title: 'Mã',
                key: 'code',
                width: 170,
                render: (_: unknown, f: FeedbackItem) => (
                  <span data-feedback-code={`${f.unit_code}/${f.code}`}>
                    {f.code}
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {f.unit_code}
                    </Typography.Text>
                  </span>
                ),
              },
              { title: 'Đơn vị', dataIndex: 'unit_name', key: 'unit', width: 160 },
              { title: 'Tiếp nhận', dataIndex: 'received_at', width: 140, render: (t: string) => formatDateTime(t) },
              { title: 'Kênh', dataIndex: 'channel', width: 110, render: (c: string) => labelOf(FEEDBACK_CHANNEL_LABELS, c) },
              { title: 'Nội dung', dataIndex: 'summary', ellipsis: true },
              {
                title: 'Phân loại',
                key: 'classification',
                width: 190,
                render: (_, f) =>
                  canWrite ? (
                    <Select
                      size="small"
                      style={{ width: 180 }}
                      placeholder="Chưa phân loại"
                      value={f.classification ?? undefined}
                      options={options(CLASSIFICATION_LABELS)}
                      disabled={busy === f.id}
                      onChange={(classification: string) => void step(f, { type: 'classify', classification }, 'đã phân loại')}
                      aria-label={`Phân loại phản ánh ${f.code}`}
                    />
                  ) : (
                    (f.classification && labelOf(CLASSIFICATION_LABELS, f.classification)) || 'Chưa phân loại'
                  ),
              },
              {
                title: 'Tình trạng',
                key: 'stage',
                width: 190,
                render: (_, f) => (
                  <Space size={4} wrap>
                    <Tag>{feedbackStage(f)}</Tag>
                    <LateEntryTag entries={f.late_entries} />
                    <Tooltip title={f.deadline.explanation}>
                      <Tag color={f.deadline.on_time ? 'green' : 'red'} data-testid={`deadline-${f.code}`}>
                        {f.deadline.on_time ? 'Đúng hạn' : 'Trễ hạn'}
                      </Tag>
                    </Tooltip>
                    {f.reaction && <Tag color={f.reaction === 'satisfied' ? 'green' : f.reaction === 'unsatisfied' ? 'red' : 'default'}>{labelOf(REACTION_LABELS, f.reaction)}</Tag>}
                  </Space>
                ),
              },
              ...(canWrite
                ? [
                    {
                      title: '',
                      key: 'steps',
                      width: 150,
                      render: (_: unknown, f: FeedbackItem) => {
                        const steps = f.allowed_steps.filter((step) => step !== 'classify')
                        if (!steps.length) return null
                        return (
                          <Dropdown
                            trigger={['click']}
                            disabled={busy === f.id}
                            menu={{
                              items: steps.flatMap((s) =>
                                s === 'record_reaction'
                                  ? Object.entries(REACTION_LABELS).map(([reaction, label]) => ({ key: `reaction-${reaction}`, label: `Ý kiến: ${label}`, onClick: () => void step(f, { type: 'record_reaction', reaction }, `ý kiến “${label}”`) }))
                                  : [{ key: s, label: STEP_LABELS[s], onClick: () => void step(f, { type: s }, STEP_LABELS[s].toLocaleLowerCase('vi')) }],
                              ),
                            }}
                          >
                            <Button size="small">Bước tiếp theo</Button>
                          </Dropdown>
                        )
                      },
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <Modal open={creating} title="Tiếp nhận phản ánh, kiến nghị" okText="Tiếp nhận" cancelText="Hủy" onOk={create} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ unit, channel: 'direct' }}>
          <Form.Item name="unit" label="Đơn vị tiếp nhận" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitPicker units={units} value={undefined} expanded={me.unit_code} onChange={() => undefined} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="channel" label="Kênh tiếp nhận" rules={[{ required: true, message: 'Chọn kênh' }]}>
            <Select options={options(FEEDBACK_CHANNEL_LABELS)} />
          </Form.Item>
          <Form.Item name="summary" label="Nội dung phản ánh, kiến nghị" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }, { max: 2000, message: 'Tối đa 2.000 ký tự' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="classification" label="Phân loại (có thể để sau)">
            <Select allowClear options={options(CLASSIFICATION_LABELS)} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="procedure_code" label="Mã thủ tục liên quan">
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="dossier_code" label="Mã hồ sơ liên quan">
              <Input style={{ width: 220 }} />
            </Form.Item>
          </Space>
          <Form.Item name="repeated" valuePropName="checked">
            <Checkbox>Phản ánh lặp lại, kéo dài</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  )
}
