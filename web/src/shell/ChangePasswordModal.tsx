import { App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { api } from '../shared/api.js'

interface Fields {
  current: string
  next: string
  again: string
}

/**
 * "Đổi mật khẩu": the current password again, the new one twice. The server checks the policy
 * and ends the official's other sessions; this one stays open.
 */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<Fields>()
  const [saving, setSaving] = useState(false)

  const submit = async (fields: Fields) => {
    setSaving(true)
    try {
      const { other_sessions_ended } = await api.changePassword(fields.current, fields.next)
      void message.success(other_sessions_ended > 0 ? `Đã đổi mật khẩu; ${other_sessions_ended} phiên đăng nhập khác đã kết thúc.` : 'Đã đổi mật khẩu.')
      onClose()
    } catch (error) {
      void message.error((error as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal open title="Đổi mật khẩu" okText="Đổi mật khẩu" cancelText="Hủy" onOk={() => form.submit()} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(fields) => void submit(fields)} autoComplete="off">
        <Form.Item name="current" label="Mật khẩu hiện tại" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="next"
          label="Mật khẩu mới"
          extra="Ít nhất 10 ký tự, có cả chữ và số, không chứa tên đăng nhập."
          rules={[{ required: true, message: 'Nhập mật khẩu mới' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="again"
          label="Nhập lại mật khẩu mới"
          dependencies={['next']}
          rules={[
            { required: true, message: 'Nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error('Hai lần nhập mật khẩu mới không khớp')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
