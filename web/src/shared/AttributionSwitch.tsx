import { Radio, Tooltip } from 'antd'
import { ATTRIBUTION_HINTS, ATTRIBUTION_LABELS, type Attribution } from './figure-basis.js'

/** "Theo đơn vị tiếp nhận / Theo đơn vị giải quyết": where processing and lateness are counted. */
export function AttributionSwitch({ name, value, onChange }: { name: string; value: Attribution; onChange: (by: Attribution) => void }) {
  return (
    <div>
      <span id={`${name}-nhan`} style={{ display: 'block', marginBottom: 4, fontWeight: 500 }}>
        Tính xử lý, trễ hạn
      </span>
      <Radio.Group name={name} aria-labelledby={`${name}-nhan`} optionType="button" value={value} onChange={(e) => onChange(e.target.value as Attribution)} data-testid={name}>
        {(Object.keys(ATTRIBUTION_LABELS) as Attribution[]).map((by) => (
          <Tooltip key={by} title={ATTRIBUTION_HINTS[by]}>
            <Radio.Button value={by}>{ATTRIBUTION_LABELS[by]}</Radio.Button>
          </Tooltip>
        ))}
      </Radio.Group>
    </div>
  )
}
