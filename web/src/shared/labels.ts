import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../../src/domain/dossiers/dossier-status.js'
import { INDICATORS, type IndicatorId } from '../../../src/domain/indicators/indicator-id.js'

export { INDICATORS, type IndicatorId }

/** The cards, in the order the letters report them. */
export const CARD_INDICATORS: readonly IndicatorId[] = [
  'dossier_digitization_rate',
  'result_digitization_rate',
  'online_rate',
  'online_payment_rate',
  'on_time_rate',
  'satisfaction_rate',
  'received',
  'late',
  'overdue_open',
  'ecert_copies',
  'ecert_units',
  'ecert_units_to_date',
]

/** The indicators a leader compares units on (rates). */
export const RATE_INDICATORS: readonly IndicatorId[] = CARD_INDICATORS.filter((id) => INDICATORS[id].kind === 'rate')

/** Shorter names for table headers: the reports' own (one vocabulary). */
export { SHORT_LABELS } from '../../../src/domain/reports/indicator-groups.js'

export { CHANNEL_LABELS } from '../../../src/domain/dossiers/dossier-status.js'

export function statusLabel(status: string): string {
  return DOSSIER_STATUS_LABELS[status as DossierStatus] ?? status
}


/** The label of a value the API sends as a plain string; an unknown value is shown as it is. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return (labels as Record<string, string>)[value] ?? value
}
