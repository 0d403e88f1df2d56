import { Radio, Tooltip } from 'antd'

/** The Decision 766 facts the desk records about a dossier (null = not known, never guessed). */
export const FLAG_LABELS = {
  population_data_used: { label: 'Khai thác dữ liệu dân cư / tài khoản VNeID', index: '4.5b' },
  reused_data: { label: 'Tái sử dụng dữ liệu đã số hóa', index: '4.3' },
  linked_data_store: { label: 'Gắn với kho dữ liệu cá nhân', index: '4.4' },
  synced_national: { label: 'Đã đồng bộ lên Cổng DVC quốc gia', index: '1.4' },
  result_on_paper: { label: 'Kết quả của thủ tục là giấy tờ', index: '4.1' },
  e_result_issued: { label: 'Đã cấp kết quả điện tử', index: '4.1' },
} as const
export type FlagName = keyof typeof FLAG_LABELS
export type Flags = Record<FlagName, boolean | null>

/** Those known at the counter, when the dossier is received. */
export const RECEIPT_FLAGS: FlagName[] = ['population_data_used', 'reused_data', 'linked_data_store', 'result_on_paper']

const toValue = (v: boolean | null) => (v === null ? 'unknown' : v ? 'yes' : 'no')
const fromValue = (v: string): boolean | null => (v === 'unknown' ? null : v === 'yes')

/** One row per fact: Có / Không / Chưa rõ. */
export function FlagChoices({ names, value, disabled, onChange }: { names: FlagName[]; value: Partial<Flags>; disabled?: boolean; onChange: (name: FlagName, v: boolean | null) => void }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 1fr) auto', gap: '6px 12px', alignItems: 'center' }}>
      {names.map((name) => (
        <div key={name} style={{ display: 'contents' }} data-flag={name}>
          <Tooltip title={`Chỉ số ${FLAG_LABELS[name].index} của Quyết định 766`}>
            <span id={`flag-${name}`}>{FLAG_LABELS[name].label}</span>
          </Tooltip>
          <Radio.Group
            aria-labelledby={`flag-${name}`}
            size="small"
            optionType="button"
            disabled={disabled}
            value={toValue(value[name] ?? null)}
            onChange={(e) => onChange(name, fromValue(e.target.value as string))}
            options={[
              { value: 'yes', label: 'Có' },
              { value: 'no', label: 'Không' },
              { value: 'unknown', label: 'Chưa rõ' },
            ]}
          />
        </div>
      ))}
    </div>
  )
}
