import { App, Button, Form, Input, Modal, Space, Upload } from 'antd'
import { useState } from 'react'
import { ApiError, type Me } from '../shared/api.js'
import { useVisibleUnits } from '../shared/UnitPicker.js'
import { attachedFile, directivesApi, type TaskOccurrence } from './directives-api.js'

interface Props {
  item: TaskOccurrence
  me: Me
  onChanged: (item: TaskOccurrence) => void
}

/**
 * Submit (the assignee), accept or return with a reason (the monitor): the buttons the state
 * allows and the user's permissions give; the API checks both again.
 */
export function TaskActions({ item, me, onChanged }: Props) {
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<'submit' | 'return' | null>(null)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<{ note?: string; reason?: string }>()
  const [file, setFile] = useState<File | null>(null)
  // The unit that owes the report submits it (the API also lets a unit above enter a paper report).
  const canSubmit = item.allowed_steps.includes('submit') && me.permissions.includes('tasks:submit') && me.unit_code === item.unit_code
  // The monitor's units judge what came back: the task's monitor must be among the units the user sees.
  const visible = useVisibleUnits()
  const canReview = item.allowed_steps.includes('accept') && me.permissions.includes('directives:write') && visible.some((u) => u.code === item.monitor_code)

  const act = async (work: () => Promise<TaskOccurrence>, done: string) => {
    setBusy(true)
    try {
      onChanged(await work())
      void message.success(`${item.unit_name}: ${done}`)
      setDialog(null)
      form.resetFields()
      setFile(null)
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
    } finally {
      setBusy(false)
    }
  }

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await act(async () => directivesApi.submit(item.id, { note: values.note?.trim() ?? '', ...(file ? { file: await attachedFile(file) } : {}) }), 'đã nộp báo cáo')
  }
  const giveBack = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    await act(() => directivesApi.review(item.id, { verdict: 'return', reason: values.reason?.trim() ?? '' }), 'đã trả lại báo cáo')
  }

  if (!canSubmit && !canReview) return null
  return (
    <>
      <Space size={4} wrap>
        {canSubmit && (
          <Button size="small" type="primary" onClick={() => setDialog('submit')} data-testid={`submit-${item.id}`}>
            Nộp báo cáo
          </Button>
        )}
        {canReview && (
          <>
            <Button size="small" type="primary" loading={busy} onClick={() => void act(() => directivesApi.review(item.id, { verdict: 'accept' }), 'đã chấp nhận báo cáo')} data-testid={`accept-${item.id}`}>
              Chấp nhận
            </Button>
            <Button size="small" danger onClick={() => setDialog('return')} data-testid={`return-${item.id}`}>
              Trả lại
            </Button>
          </>
        )}
      </Space>
      <Modal open={dialog === 'submit'} title={`Nộp báo cáo: ${item.title}`} okText="Nộp" cancelText="Hủy" confirmLoading={busy} onOk={() => void submit()} onCancel={() => setDialog(null)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="note" label="Nội dung báo cáo" rules={[{ max: 2000, message: 'Tối đa 2.000 ký tự' }, { validator: async (_, v: string | undefined) => (v?.trim() || file ? undefined : Promise.reject(new Error('Ghi nội dung hoặc đính kèm tệp'))) }]}>
            <Input.TextArea rows={4} id="task-note" />
          </Form.Item>
          <Upload accept=".pdf,.png,.jpg,.jpeg" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
            <Button>Đính kèm tệp (PDF, ảnh)</Button>
          </Upload>
        </Form>
      </Modal>
      <Modal open={dialog === 'return'} title={`Trả lại báo cáo của ${item.unit_name}`} okText="Trả lại" okButtonProps={{ danger: true }} cancelText="Hủy" confirmLoading={busy} onOk={() => void giveBack()} onCancel={() => setDialog(null)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="Lý do trả lại, nội dung cần bổ sung" rules={[{ required: true, whitespace: true, message: 'Ghi lý do trả lại' }, { max: 2000, message: 'Tối đa 2.000 ký tự' }]}>
            <Input.TextArea rows={3} id="task-return-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
