import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Typography, Upload } from 'antd'
import { useState } from 'react'
import type { z } from 'zod'
import type { Json } from '../../../src/contracts/json.js'
import type { ProcedureFormItem } from '../../../src/contracts/procedure-forms.js'
import { formatBytes } from '../../../src/domain/procedures/form-size.js'
import { FORM_CODE } from '../../../src/domain/procedures/procedure-form-file.js'
import { ApiError, request } from '../shared/api.js'
import { formatDate } from '../shared/format.js'
import { useApiData } from '../shared/use-api-data.js'

type FormItem = Json<z.infer<typeof ProcedureFormItem>>
type UploadValues = { name: string; code?: string }


/** A chosen file as the API takes it (base64 in JSON). */
async function asBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * A procedure's forms (mẫu đơn, tờ khai): every official sees and downloads them; a province
 * account allowed to edit procedures attaches (PDF, DOC, DOCX, XLSX; 5 MB) and removes them.
 */
export function ProcedureFormsModal({ procedure, canEdit, onClose }: { procedure: { code: string; name: string }; canEdit: boolean; onClose: () => void }) {
  const { message } = App.useApp()
  const path = `/api/v1/procedures/${encodeURIComponent(procedure.code)}/forms`
  const { data: forms, error, reload, set } = useApiData((signal) => request<FormItem[]>('GET', path, { signal }), [path])
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<UploadValues>()

  const act = async (action: () => Promise<string>) => {
    setBusy(true)
    try {
      void message.success(await action())
      reload()
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
    } finally {
      setBusy(false)
    }
  }
  const upload = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    if (!file) return void message.error('Hãy chọn tệp mẫu (PDF, DOC, DOCX hoặc XLSX)')
    await act(async () => {
      const body = { name: v.name, code: v.code?.trim() || null, file_name: file.name, content_base64: await asBase64(file) }
      const saved = await request<FormItem>('POST', path, { body })
      form.resetFields()
      setFile(null)
      return `Đã đính kèm mẫu ${saved.code} vào thủ tục ${procedure.code}`
    })
  }
  const remove = (f: FormItem) => act(async () => {
    await request('DELETE', `${path}/${encodeURIComponent(f.code)}`)
    // Gone from the list at once, not only after the list is asked again.
    set((forms ?? []).filter((other) => other.code !== f.code))
    return `Đã gỡ mẫu ${f.code}`
  })

  return (
    <Modal open title={`Mẫu đơn, tờ khai — ${procedure.code} ${procedure.name}`} footer={null} onCancel={onClose} width={760} destroyOnHidden>
      {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : (
        <Table<FormItem>
          rowKey="code" size="small" pagination={false} loading={forms === null} dataSource={forms ?? []}
          locale={{ emptyText: 'Thủ tục chưa có mẫu đơn, tờ khai' }}
          columns={[
            { title: 'Mã', dataIndex: 'code', width: 90 },
            { title: 'Tên mẫu', dataIndex: 'name', render: (name: string, f) => <a href={f.download_url} download={f.file_name}>{name}</a> },
            { title: 'Cỡ', dataIndex: 'size_bytes', width: 90, render: formatBytes },
            { title: 'Đính kèm', key: 'at', width: 110, render: (_, f) => formatDate(f.uploaded_at.slice(0, 10)) },
            ...(canEdit ? [{ title: '', key: 'remove', width: 70, render: (_: unknown, f: FormItem) => (
              <Popconfirm title={`Gỡ mẫu ${f.code}?`} okText="Gỡ" cancelText="Không" onConfirm={() => remove(f)}>
                <Button size="small" danger disabled={busy}>Gỡ</Button>
              </Popconfirm>
            ) }] : []),
          ]}
        />
      )}
      {canEdit && (
        <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={upload}>
          <Typography.Title level={5}>Đính kèm mẫu mới</Typography.Title>
          <Space wrap align="start">
            <Form.Item name="name" label="Tên mẫu" rules={[{ required: true, message: 'Nhập tên mẫu' }, { max: 255, message: 'Tối đa 255 ký tự' }]}>
              <Input placeholder="Ví dụ: Tờ khai đăng ký khai sinh" style={{ width: 320 }} />
            </Form.Item>
            <Form.Item name="code" label="Mã mẫu (không bắt buộc)" rules={[{ pattern: FORM_CODE, message: 'Chữ, số, dấu chấm, gạch; tối đa 32 ký tự' }]}>
              <Input placeholder="M01" style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Upload accept=".pdf,.doc,.docx,.xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name }] : []}>
            <Button>Chọn tệp (PDF, DOC, DOCX, XLSX; tối đa 5 MB)</Button>
          </Upload>
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }}>Đính kèm</Button>
        </Form>
      )}
    </Modal>
  )
}
