import { Form, Input, Modal } from 'antd'
import { useCallback, useRef, useState, type ReactNode } from 'react'

interface Asking {
  title: string
  label: string
}

/**
 * Asks for a reason in a dialog and answers it (null when cancelled). An empty reason keeps the
 * dialog open with the field's message: the form's own check, never an unhandled rejection.
 */
export function useReasonPrompt(): [(title: string, label: string) => Promise<string | null>, ReactNode] {
  const [asking, setAsking] = useState<Asking | null>(null)
  const resolver = useRef<((reason: string | null) => void) | null>(null)
  const [form] = Form.useForm<{ reason: string }>()

  const ask = useCallback((title: string, label: string) => {
    setAsking({ title, label })
    return new Promise<string | null>((resolve) => {
      resolver.current = resolve
    })
  }, [])

  const finish = (reason: string | null) => {
    resolver.current?.(reason)
    resolver.current = null
    setAsking(null)
  }

  const element = (
    <Modal
      open={asking !== null}
      title={asking?.title}
      okText="Ghi nhận"
      cancelText="Hủy"
      destroyOnHidden
      onCancel={() => finish(null)}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => finish(values.reason.trim())}>
        <Form.Item name="reason" label={asking?.label ?? 'Lý do'} rules={[{ required: true, whitespace: true, message: 'Nhập lý do: quy định yêu cầu ghi rõ' }, { max: 1000, message: 'Tối đa 1.000 ký tự' }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
  return [ask, element]
}
