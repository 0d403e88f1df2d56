import type { IndicatorId } from './indicator-id.js'

/**
 * Which way is good for each indicator, defined once: a higher rate of online, digitized or
 * on-time dossiers is better; more late or overdue dossiers is worse; the number received is
 * neither (a busy month is not a good or a bad one).
 */
export const BETTER_WHEN: Record<IndicatorId, 'higher' | 'lower' | 'neither'> = {
  received: 'neither',
  online_rate: 'higher',
  dossier_digitization_rate: 'higher',
  result_digitization_rate: 'higher',
  on_time_rate: 'higher',
  late: 'lower',
  overdue_open: 'lower',
  online_payment_rate: 'higher',
  ecert_copies: 'higher',
  ecert_units: 'higher',
  ecert_units_to_date: 'higher',
  satisfaction_rate: 'higher',
}

export type ChangeMeaning = 'better' | 'worse' | 'neutral' | 'same' | 'none'

/** What a change since the previous period means: null = nothing to compare with. */
export function changeMeaning(id: IndicatorId, change: number | null): ChangeMeaning {
  if (change === null) return 'none'
  if (change === 0) return 'same'
  const better = BETTER_WHEN[id]
  if (better === 'neither') return 'neutral'
  return (change > 0) === (better === 'higher') ? 'better' : 'worse'
}
