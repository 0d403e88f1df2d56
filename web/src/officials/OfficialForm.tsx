import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { stageChangeProblem } from '../../../src/domain/officials/certificate-stage.js'
import { ApiError, type Unit } from '../shared/api.js'
import { CERTIFICATE_STAGE_LABELS, CERTIFICATE_STAGES, officialsApi, type CertificateStage, type Official, type OfficialFields } from './officials-api.js'

interface Props {
  official: Official | null
  units: readonly Unit[]
  defaultUnit: string
  onClose: () => void
  onSaved: (official: Official) => void
}

type Values = OfficialFields & { unit: string }

const orNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null)

/** Adding or changing an official: the server checks again (identity number, stage moves) and audits the change. */
export function OfficialForm({ official, units, defaultUnit, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const current = official?.certificate_stage ?? 'none'

  const save = async () => {
    const values = await form.validateFields()
    const fields: OfficialFields = {
      full_name: values.full_name.trim(),
      position: orNull(values.position),
      identity_number: orNull(values.identity_number),
      national_portal_account: orNull(values.national_portal_account),
      handles_dossiers: values.handles_dossiers ?? true,
      ecert_right: values.ecert_right ?? false,
      ...(values.certificate_stage ? { certificate_stage: values.certificate_stage } : {}),
    }
    // An edit sends what changed only: the audit row then names exactly that.
    const changed = official ? Object.fromEntries(Object.entries(fields).filter(([key, value]) => official[key as keyof Official] !== value)) : fields
    setSaving(true)
    setError(null)
    try {
      onSaved(official ? await officialsApi.update(official.id, changed) : await officialsApi.create(values.unit, fields))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : (e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal open title={official ? `Sửa thông tin: ${official.full_name}` : 'Thêm cán bộ'} okText="Lưu" cancelText="Hủy" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          unit: defaultUnit,
          full_name: official?.full_name ?? '',
          position: official?.position ?? '',
          identity_number: official?.identity_number ?? '',
          national_portal_account: official?.national_portal_account ?? '',
          handles_dossiers: official?.handles_dossiers ?? true,
          ecert_right: official?.ecert_right ?? false,
          certificate_stage: current,
        }}
      >
        {!official && (
          <Form.Item name="unit" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <Select showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.code, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item name="full_name" label="Họ và tên" rules={[{ required: true, whitespace: true, min: 2, message: 'Nhập họ và tên (ít nhất 2 ký tự)' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="position" label="Chức vụ">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="identity_number" label="Số CMND/CCCD (để khớp chứng thư số)" rules={[{ pattern: /^(\d{9}|\d{12})$/, message: 'Số CMND có 9 chữ số, số CCCD 12 chữ số' }]}>
          <Input maxLength={12} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="national_portal_account" label="Tài khoản Dịch vụ công quốc gia">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="certificate_stage"
          label="Chữ ký số"
          rules={[{ validator: async (_, to: CertificateStage) => { const problem = stageChangeProblem(current, to); if (problem) throw new Error(problem) } }]}
        >
          <Select options={CERTIFICATE_STAGES.map((s) => ({ value: s, label: CERTIFICATE_STAGE_LABELS[s], disabled: stageChangeProblem(current, s) !== null }))} />
        </Form.Item>
        <Form.Item name="handles_dossiers" valuePropName="checked">
          <Checkbox>Tiếp nhận, giải quyết, trả kết quả hồ sơ TTHC</Checkbox>
        </Form.Item>
        <Form.Item name="ecert_right" valuePropName="checked">
          <Checkbox>Được cấp quyền chứng thực điện tử trên Cổng Dịch vụ công quốc gia</Checkbox>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
    </Modal>
  )
}
