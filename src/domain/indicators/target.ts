import type { IndicatorId } from './indicator-id.js'
import { percentage } from './percentage.js'
import type { RateValue } from './compute-indicators.js'

/** A minimum value of one indicator for a year, set by a named decision (INDICATORS.md, "Targets"). */
export interface Target {
  indicator: IndicatorId
  year: number
  /** A kind of unit (every commune) or one unit; a unit's own target wins over its kind's. */
  unitKind: string | null
  unitCode: string | null
  scope: 'own' | 'subtree'
  /** Percentage, e.g. 25 for 25 %. */
  minimum: number
  decidedBy: string
}

export type TargetStatus = 'meets' | 'misses' | 'no_value'

export interface TargetCheck {
  minimum: number
  decided_by: string
  status: TargetStatus
  /** For a missed rate: how many more dossiers in the numerator would reach the minimum. */
  gap: number | null
}

/**
 * Meets when the value is at least the minimum; no value neither meets nor misses. The gap is
 * the fewest extra dossiers, with the same denominator, whose rounded rate reaches it:
 * "Văn Tố needs 14 more digitized dossiers this month to reach 25 %".
 */
export function checkTarget(value: RateValue, target: Pick<Target, 'minimum' | 'decidedBy'>): TargetCheck {
  const base = { minimum: target.minimum, decided_by: target.decidedBy }
  if (value.value === null) return { ...base, status: 'no_value', gap: null }
  if (value.value >= target.minimum) return { ...base, status: 'meets', gap: 0 }
  let gap = Math.max(0, Math.ceil((target.minimum * value.denominator) / 100 - value.numerator))
  while (gap > 0 && (percentage(value.numerator + gap - 1, value.denominator) ?? 0) >= target.minimum) gap--
  while ((percentage(value.numerator + gap, value.denominator) ?? 0) < target.minimum) gap++
  return { ...base, status: 'misses', gap }
}
