import { Alert, Modal, Radio, Select, Space, Typography } from 'antd'
import type { ButtonProps } from 'antd'
import { useEffect, useState } from 'react'
import { useApiData } from '../shared/use-api-data.js'
import { deskWorkApi, type HandOverTarget } from './desk-work-api.js'

interface Props {
  code: string
  /** `hand_over`: unit and specialist (or the unit alone); `assign`: a specialist of the unit it went to. */
  step: { type: string; label: string } | null
  assignedUnit: string | null
  busy: boolean
  onCancel: () => void
  onConfirm: (target: HandOverTarget) => Promise<boolean>
}

/** The unit's own choice: handed to the unit, a person named later (phân công). */
const UNIT_ONLY = ''

/** Hand-over names the specialist whose work the dossier becomes (or the unit, who assigns one later). */
export function HandOverDialog({ code, step, assignedUnit, busy, onCancel, onConfirm }: Props) {
  const open = step !== null
  const assigning = step?.type === 'assign'
  const options = useApiData((signal) => (open ? deskWorkApi.handOverOptions(code, signal) : Promise.resolve([])), [code, open])
  const units = (options.data ?? []).filter((u) => !assigning || u.code === assignedUnit)
  const [unit, setUnit] = useState<string | null>(null)
  const [person, setPerson] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    setUnit(null)
    setPerson(null)
  }, [open])
  const chosenUnit = units.find((u) => u.code === unit) ?? units[0]
  const specialists = chosenUnit?.specialists ?? []
  const ready = chosenUnit !== undefined && person !== null

  return (
    <Modal
      open={open}
      title={step?.label}
      okText={assigning ? 'Phân công' : 'Chuyển xử lý'}
      cancelText="Hủy"
      okButtonProps={{ disabled: !ready, 'data-testid': 'hand-over-confirm' } as ButtonProps}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      onOk={() => {
        if (!chosenUnit) return
        const target: HandOverTarget = person && person !== UNIT_ONLY ? { assignee: person } : {}
        if (!assigning) target.to_unit = chosenUnit.code
        void onConfirm(target)
      }}
    >
      {options.error && <Alert type="warning" showIcon message="Không tải được danh sách chuyên viên" description={options.error.message} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!assigning && units.length > 1 && (
          <div>
            <label htmlFor="hand-over-unit" style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
              Đơn vị nhận hồ sơ
            </label>
            <Select
              id="hand-over-unit"
              style={{ width: '100%' }}
              value={chosenUnit?.code}
              options={units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
              onChange={(value: string) => (setUnit(value), setPerson(null))}
            />
          </div>
        )}
        <Typography.Text strong>Chuyên viên xử lý{chosenUnit ? ` — ${chosenUnit.name}` : ''}</Typography.Text>
        {!options.loading && specialists.length === 0 && <Typography.Text type="secondary">Đơn vị chưa có tài khoản chuyên viên xử lý.</Typography.Text>}
        <Radio.Group value={person} onChange={(e) => setPerson(e.target.value as string)} data-testid="hand-over-specialists">
          <Space orientation="vertical">
            {specialists.map((s) => (
              <Radio key={s.username} value={s.username} data-specialist={s.username}>
                {s.display_name} <Typography.Text type="secondary">({s.username})</Typography.Text>
              </Radio>
            ))}
            {!assigning && <Radio value={UNIT_ONLY} data-unit-only>Chuyển cho đơn vị, phân công chuyên viên sau</Radio>}
          </Space>
        </Radio.Group>
      </Space>
    </Modal>
  )
}
