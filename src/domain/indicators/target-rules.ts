import { INDICATOR_IDS, INDICATORS, type IndicatorId } from './indicator-id.js'
import type { Target } from './target.js'

/** Targets are minimum percentages, so only rates take one (INDICATORS.md, "Targets"). */
export const TARGETABLE_INDICATORS: readonly IndicatorId[] = INDICATOR_IDS.filter((id) => INDICATORS[id].kind === 'rate')

export type TargetField = 'indicator' | 'year' | 'unit_kind' | 'unit_code' | 'scope' | 'minimum' | 'decided_by'

export interface TargetRuleBreak {
  field: TargetField
  value: string | null
  reason: string
}

const MAX_DECISION_LENGTH = 300

/**
 * The rules every target meets whatever brings it (a file, the command line, the API): a rate,
 * a year, one kind of unit or one unit (not both), a minimum between 0 and 100 with at most two
 * decimals (as published figures have), and the decision that set it.
 */
export function checkTargetRules(target: Target): TargetRuleBreak[] {
  const breaks: TargetRuleBreak[] = []
  if (!TARGETABLE_INDICATORS.includes(target.indicator)) {
    breaks.push({ field: 'indicator', value: target.indicator, reason: `chỉ đặt chỉ tiêu cho một tỷ lệ: ${TARGETABLE_INDICATORS.join(', ')}` })
  }
  if (!Number.isInteger(target.year) || target.year < 2000 || target.year > 2200) {
    breaks.push({ field: 'year', value: String(target.year), reason: 'năm phải từ 2000 đến 2200' })
  }
  if ((target.unitKind === null) === (target.unitCode === null)) {
    breaks.push({ field: target.unitCode === null ? 'unit_kind' : 'unit_code', value: null, reason: 'chỉ tiêu dành cho một loại đơn vị hoặc một đơn vị: ghi đúng một trong hai' })
  }
  if (!(target.minimum >= 0 && target.minimum <= 100)) {
    breaks.push({ field: 'minimum', value: String(target.minimum), reason: 'chỉ tiêu là tỷ lệ phần trăm từ 0 đến 100' })
  } else if (Math.round(target.minimum * 100) !== target.minimum * 100) {
    breaks.push({ field: 'minimum', value: String(target.minimum), reason: 'chỉ tiêu có nhiều nhất hai chữ số thập phân' })
  }
  const decision = target.decidedBy.trim()
  if (decision === '') breaks.push({ field: 'decided_by', value: '', reason: 'ghi văn bản giao chỉ tiêu (số, ngày, cơ quan ban hành)' })
  else if (decision.length > MAX_DECISION_LENGTH) breaks.push({ field: 'decided_by', value: decision, reason: `văn bản giao chỉ tiêu dài quá ${MAX_DECISION_LENGTH} ký tự` })
  return breaks
}

/** Two targets with the same key replace each other: a file must not give one twice. */
export function targetKey(target: Pick<Target, 'indicator' | 'year' | 'unitKind' | 'unitCode' | 'scope'>): string {
  return [target.indicator, target.year, target.unitCode === null ? `kind:${target.unitKind}` : `unit:${target.unitCode}`, target.scope].join('|')
}
