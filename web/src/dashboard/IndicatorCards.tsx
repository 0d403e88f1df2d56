import { Card, Tag, Tooltip, Typography } from 'antd'
import type { Figure, TableRow } from '../shared/api.js'
import type { FigurePart } from './DossiersDrawer.js'
import { formatChange, formatCount, formatPercent, NO_VALUE_LABEL } from '../shared/format.js'
import { CARD_INDICATORS, INDICATORS, type IndicatorId } from '../shared/labels.js'
import { changeMeaning, type ChangeMeaning } from '../../../src/domain/indicators/indicator-direction.js'

const MEANING_WORDS: Record<ChangeMeaning, string> = { better: 'Tốt hơn kỳ trước', worse: 'Kém hơn kỳ trước', neutral: 'Thay đổi so với kỳ trước', same: 'Không đổi', none: 'Kỳ trước không phát sinh' }

interface Props {
  total: TableRow
  own: TableRow | undefined
  onDrill: (indicator: IndicatorId, part: FigurePart, scope: 'own' | 'subtree') => void
}

/** One card per indicator: the figure, its parts, the target and the change since the previous period. */
export function IndicatorCards({ total, own, onDrill }: Props) {
  const ids = CARD_INDICATORS.filter((id) => total.indicators[id] !== undefined)
  return (
    <section aria-label="Các chỉ số" className="dashboard-grid">
      {ids.map((id) => (
        <IndicatorCard key={id} id={id} figure={total.indicators[id]!} own={own?.indicators[id]} ownName={own?.unit_name} onDrill={(part, scope) => onDrill(id, part, scope)} />
      ))}
    </section>
  )
}

function IndicatorCard({ id, figure, own, ownName, onDrill }: { id: IndicatorId; figure: Figure; own: Figure | undefined; ownName: string | undefined; onDrill: (part: FigurePart, scope: 'own' | 'subtree') => void }) {
  const info = INDICATORS[id]
  const isRate = info.kind === 'rate'
  const drillable = INDICATORS[id].basis !== 'units'
  const valueText = isRate ? formatPercent(figure.value) : figure.value === null ? NO_VALUE_LABEL : formatCount(figure.value)
  const change = formatChange(figure.change, info.kind)
  // Coloured by what the change means for this indicator (more late dossiers is red), not by its sign.
  const meaning = changeMeaning(id, figure.change)
  const target = figure.target ?? null
  return (
    <Card size="small" title={<span title={info.label} style={{ whiteSpace: 'normal' }}>{info.label}</span>} data-indicator={id}>
      <div>
        {drillable && figure.value !== null ? (
          <button type="button" className="figure-button card-value" data-testid={`value-${id}`} onClick={() => onDrill('numerator', 'subtree')} aria-label={`${info.label}: ${valueText}. Xem các hồ sơ`}>
            {valueText}
          </button>
        ) : (
          <span className={figure.value === null ? 'card-value no-value' : 'card-value'} data-testid={`value-${id}`}>
            {valueText}
          </span>
        )}
      </div>
      {isRate && figure.numerator !== undefined && figure.denominator !== undefined && (
        <Typography.Text type="secondary">
          <button type="button" className="figure-button" onClick={() => onDrill('numerator', 'subtree')} aria-label={`Tử số ${formatCount(figure.numerator)} hồ sơ: xem`}>
            {formatCount(figure.numerator)}
          </button>
          {' / '}
          <button type="button" className="figure-button" onClick={() => onDrill('denominator', 'subtree')} aria-label={`Mẫu số ${formatCount(figure.denominator)} hồ sơ: xem`}>
            {formatCount(figure.denominator)}
          </button>{' '}
          hồ sơ
        </Typography.Text>
      )}
      <div style={{ marginTop: 6 }}>
        {(isRate || target) && <TargetLine target={target} onGap={() => onDrill('gap', 'subtree')} />}
        {!target && own?.target && ownName && (
          <div>
            <Typography.Text type="secondary">
              Bộ phận Một cửa {ownName.replace(/^(Huyện|Tỉnh|Thành phố|Thị xã)\s+/u, '')}: {formatPercent(own.value)}{' '}
            </Typography.Text>
            <TargetLine target={own.target} onGap={() => onDrill('gap', 'own')} compact />
          </div>
        )}
      </div>
      <div className={`change-${meaning}`} style={{ marginTop: 4, fontSize: 13 }} data-change={meaning} title={MEANING_WORDS[meaning]}>
        {change.text}
      </div>
    </Card>
  )
}

function TargetLine({ target, onGap, compact = false }: { target: Figure['target']; onGap: () => void; compact?: boolean }) {
  if (!target) return compact ? null : <Typography.Text type="secondary">Chưa giao chỉ tiêu</Typography.Text>
  const minimum = `Chỉ tiêu ≥ ${formatPercent(target.minimum)}`
  return (
    <span>
      <Tooltip title={target.decided_by}>
        <Typography.Text type="secondary">{minimum} </Typography.Text>
      </Tooltip>
      {target.status === 'meets' && <Tag color="success">Đạt</Tag>}
      {target.status === 'no_value' && <Tag>Không phát sinh</Tag>}
      {target.status === 'misses' && (
        <>
          <Tag color="error">Chưa đạt</Tag>
          {target.gap !== null && target.gap > 0 && (
            <button type="button" className="figure-button change-down" onClick={onGap} aria-label={`Cần thêm ${formatCount(target.gap)} hồ sơ: xem các hồ sơ chưa đạt`}>
              cần thêm {formatCount(target.gap)} hồ sơ
            </button>
          )}
        </>
      )}
    </span>
  )
}
