import { Alert, Button, Form, Input, Modal, Popconfirm, Typography } from 'antd'
import { useState } from 'react'
import type { DossierDetails } from './desk-api.js'
import { REASON_PROMPTS } from './desk-labels.js'
import type { HandOverTarget } from './desk-work-api.js'
import { HandOverDialog } from './HandOverDialog.js'

interface Props {
  dossier: DossierDetails
  busy: boolean
  onStep: (type: string, label: string, reason?: string, target?: HandOverTarget) => Promise<boolean>
}

/** Steps that name a person: they open the hand-over dialog. */
const NAMING_STEPS = new Set(['hand_over', 'assign'])

type Step = DossierDetails['allowed_next_events'][number]

// Steps that end the dossier for good are confirmed first; a slip of the mouse cannot be undone.
const FINAL_STEPS = new Set(['return', 'reject', 'withdraw'])

/** The next steps the state machine allows, as buttons; those the rules want a reason for ask for it. */
export function DossierActions({ dossier, busy, onStep }: Props) {
  const [asking, setAsking] = useState<Step | null>(null)
  const [naming, setNaming] = useState<Step | null>(null)
  const [form] = Form.useForm<{ reason: string }>()
  const steps = dossier.allowed_next_events

  if (steps.length === 0) return <Typography.Text type="secondary">Hồ sơ đã kết thúc: không còn bước xử lý nào.</Typography.Text>

  const needsReason = (s: Step) => s.reason_required
  const resultMissing = !dossier.result_digitized

  const button = (s: Step) => {
    const danger = s.type === 'reject' || s.type === 'withdraw'
    const main = s.type === 'hand_over' || s.type === 'finish' || s.type === 'return' || s.type === 'approve'
    const plain = (
      <Button key={s.type} type={main ? 'primary' : 'default'} danger={danger} disabled={busy} data-step={s.type} onClick={needsReason(s) ? () => setAsking(s) : undefined}>
        {s.label}
      </Button>
    )
    if (needsReason(s)) return plain
    if (FINAL_STEPS.has(s.type)) {
      return (
        <Popconfirm
          key={s.type}
          title={`${s.label}?`}
          description={s.type === 'return' && resultMissing ? 'Kết quả chưa được số hóa: hồ sơ sẽ không được tính là số hóa kết quả.' : 'Bước này không hoàn tác được.'}
          okText="Đồng ý"
          cancelText="Không"
          onConfirm={() => onStep(s.type, s.label)}
        >
          {plain}
        </Popconfirm>
      )
    }
    return (
      <Button key={s.type} type={main ? 'primary' : 'default'} disabled={busy} data-step={s.type} onClick={() => (NAMING_STEPS.has(s.type) ? setNaming(s) : void onStep(s.type, s.label))}>
        {s.label}
      </Button>
    )
  }

  return (
    <>
      {dossier.status === 'finished' && resultMissing && (
        <Alert style={{ marginBottom: 8 }} type="warning" showIcon message="Kết quả chưa được số hóa: tải kết quả điện tử lên trước khi trả cho công dân." />
      )}
      <div className="desk-actions">{steps.map(button)}</div>
      <HandOverDialog
        code={dossier.code}
        step={naming}
        assignedUnit={dossier.assigned_unit_code}
        busy={busy}
        onCancel={() => setNaming(null)}
        onConfirm={async (target) => {
          const done = naming !== null && (await onStep(naming.type, naming.label, undefined, target))
          if (done) setNaming(null)
          return done
        }}
      />
      <Modal
        open={asking !== null}
        title={asking?.label}
        okText="Ghi nhận"
        cancelText="Hủy"
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setAsking(null)}
        onOk={async () => {
          // An empty reason: the field says so; the refused check is not an error of the page.
          const values = await form.validateFields().catch(() => null)
          if (!values) return
          if (asking && (await onStep(asking.type, asking.label, values.reason.trim()))) setAsking(null)
        }}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={asking ? (REASON_PROMPTS[asking.type] ?? 'Lý do') : 'Lý do'}
            rules={[
              { required: true, whitespace: true, message: 'Nhập lý do: quy định yêu cầu ghi rõ' },
              { max: 1000, message: 'Tối đa 1.000 ký tự' },
            ]}
          >
            <Input.TextArea rows={4} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
