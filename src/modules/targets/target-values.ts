import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../../domain/indicators/indicator-id.js'
import { TARGETABLE_INDICATORS } from '../../domain/indicators/target-rules.js'
import { UNIT_KINDS, type UnitKind } from '../../domain/units/unit-kind.js'
import { UNIT_KIND_ALIASES } from '../import/aliases.js'
import { enumAliases, parseEnum, type Parsed } from '../import/value-parsers.js'

/** "số hóa" and "số hoá" are the same word written in two tone styles; files use both. */
const bothToneStyles = (label: string): string[] => [label, label.replace(/hóa/g, 'hoá')]

/**
 * An indicator by its id (`dossier_digitization_rate`) or its Vietnamese name (Tỷ lệ số hóa đầy
 * đủ thành phần hồ sơ). Every indicator is recognised, so a count is refused by the target rules
 * with their reason rather than as an unknown word.
 */
const INDICATOR_ALIASES = enumAliases(
  Object.fromEntries(INDICATOR_IDS.map((id) => [id, bothToneStyles(INDICATORS[id].label)])) as Record<IndicatorId, string[]>,
)

/** own = the unit's own one-stop shop; subtree = the unit and every unit below it (INDICATORS.md). */
const SCOPE_ALIASES = enumAliases({
  own: ['riêng đơn vị', 'riêng', 'bộ phận một cửa của đơn vị'],
  subtree: ['toàn đơn vị', 'toàn bộ', 'đơn vị và cấp dưới'],
})

export function parseTargetIndicator(raw: string): Parsed<IndicatorId> {
  return parseEnum(raw, INDICATOR_ALIASES, TARGETABLE_INDICATORS.join(', '))
}

export function parseTargetUnitKind(raw: string): Parsed<UnitKind> {
  return parseEnum(raw, UNIT_KIND_ALIASES, UNIT_KINDS.join(', '))
}

export function parseTargetScope(raw: string): Parsed<'own' | 'subtree'> {
  return parseEnum(raw, SCOPE_ALIASES, 'subtree (toàn đơn vị), own (riêng đơn vị)')
}

/** A percentage: `25`, `25%`, `25,5`, `25.5 %`. */
export function parseTargetMinimum(raw: string): Parsed<number> {
  const text = raw.trim().replace(/\s*%$/, '').replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, reason: 'phải là tỷ lệ phần trăm (ví dụ 25 hoặc 25,5)' }
  return { ok: true, value: Number(text) }
}

export function parseTargetYear(raw: string): Parsed<number> {
  const text = raw.trim()
  return /^\d{4}$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, reason: 'phải là năm, ví dụ 2022' }
}
