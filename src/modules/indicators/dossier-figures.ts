import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { IndicatorId } from '../../domain/indicators/indicator-id.js'
import type { RollupTotals } from '../../domain/indicators/rollup-totals.js'

/** A dossier `d` joined to the procedure version it was received under, `pv`. */
export type DossierRowBuilder = ExpressionBuilder<Database & { d: Database['dossiers']; pv: Database['procedure_versions'] }, 'd' | 'pv'>

/** The instants that bound a period: Vietnam midnight of its first day, and of the day after its last. */
export interface PeriodBounds {
  start: Date
  end: Date
}

export type DossierCondition = (eb: DossierRowBuilder, bounds: PeriodBounds) => Expression<SqlBool>

const TERMINAL_STATUSES = ['finished', 'returned', 'rejected', 'withdrawn'] as const

const receivedIn: DossierCondition = (eb, { start, end }) => eb.and([eb('d.received_at', '>=', start), eb('d.received_at', '<', end)])
const finishedIn: DossierCondition = (eb, { start, end }) =>
  eb.and([eb('d.status', 'in', ['finished', 'returned']), eb('d.finished_at', '>=', start), eb('d.finished_at', '<', end)])
const onlineEligible: DossierCondition = (eb, b) => eb.and([receivedIn(eb, b), eb('pv.online_level', 'in', ['full', 'partial'])])
const withComponents: DossierCondition = (eb, b) => eb.and([receivedIn(eb, b), eb('d.components_total', '>', 0)])
const withFee: DossierCondition = (eb, b) => eb.and([receivedIn(eb, b), eb('d.fee_vnd', '>', '0')])
const rated: DossierCondition = (eb, b) => eb.and([finishedIn(eb, b), eb('d.rating', 'is not', null)])

/**
 * Every dossier count of the rollups as a condition on one dossier, as INDICATORS.md defines it.
 * The one definition the raw scan counts and the drill-down lists; the rollup trigger
 * (migration 002) keeps the same sums, and the property test holds all three equal.
 */
export const DOSSIER_COUNTS: Record<Exclude<keyof RollupTotals, 'ecertCopies'>, DossierCondition> = {
  received: receivedIn,
  onlineEligible,
  online: (eb, b) => eb.and([onlineEligible(eb, b), eb('d.channel', '=', 'online')]),
  digitizationEligible: withComponents,
  fullyDigitized: (eb, b) => eb.and([withComponents(eb, b), eb('d.components_digitized', '=', eb.ref('d.components_total'))]),
  feeEligible: withFee,
  paidOnline: (eb, b) => eb.and([withFee(eb, b), eb('d.paid_online', '=', true)]),
  finished: finishedIn,
  resultDigitized: (eb, b) => eb.and([finishedIn(eb, b), eb('d.result_digitized', '=', true)]),
  onTime: (eb, b) => eb.and([finishedIn(eb, b), eb.or([eb('d.due_at', 'is', null), eb('d.finished_at', '<=', eb.ref('d.due_at'))])]),
  late: (eb, b) => eb.and([finishedIn(eb, b), eb('d.finished_at', '>', eb.ref('d.due_at'))]),
  rated,
  satisfied: (eb, b) => eb.and([rated(eb, b), eb('d.rating', 'in', ['satisfied', 'very_satisfied'])]),
  // Overdue at the period's end: due before it, received before it, and not ended by then.
  overdueOpen: (eb, { end }) =>
    eb.and([
      eb('d.received_at', '<', end),
      eb('d.due_at', '<', end),
      eb.or([eb('d.status', 'not in', [...TERMINAL_STATUSES]), eb('d.finished_at', 'is', null), eb('d.finished_at', '>=', end)]),
    ]),
}

/**
 * The counts of processing and lateness: asked by the decider (Decree 118/2025: received at one
 * commune, decided at another), these count at the deciding unit; every other at the receiver.
 */
export const COUNTED_AT_DECIDER: ReadonlySet<keyof RollupTotals> = new Set(['finished', 'resultDigitized', 'onTime', 'late', 'rated', 'satisfied', 'overdueOpen'])

/** Which unit of a dossier a figure follows when asked by the decider. */
export function unitColumnOf(indicator: Exclude<IndicatorId, 'ecert_units' | 'ecert_units_to_date'>, attribution: 'receiver' | 'decider'): 'd.receiving_unit_id' | 'd.deciding_unit_id' {
  return attribution === 'decider' && DECIDED_INDICATORS.has(indicator) ? 'd.deciding_unit_id' : 'd.receiving_unit_id'
}

const DECIDED_INDICATORS = new Set<IndicatorId>(['result_digitization_rate', 'on_time_rate', 'late', 'overdue_open', 'satisfaction_rate'])

/** The dossiers that carry e-certified copies (the copies themselves are summed, not counted). */
const withEcertCopies: DossierCondition = (eb, b) => eb.and([receivedIn(eb, b), eb('d.ecert_copies', '>', 0)])

/** Which dossiers stand above and below the line of each indicator: the drill-down's "which 12 dossiers". */
export const FIGURE_PARTS: Record<Exclude<IndicatorId, 'ecert_units' | 'ecert_units_to_date'>, { numerator: DossierCondition; denominator: DossierCondition }> = {
  received: { numerator: DOSSIER_COUNTS.received, denominator: DOSSIER_COUNTS.received },
  online_rate: { numerator: DOSSIER_COUNTS.online, denominator: DOSSIER_COUNTS.onlineEligible },
  dossier_digitization_rate: { numerator: DOSSIER_COUNTS.fullyDigitized, denominator: DOSSIER_COUNTS.digitizationEligible },
  result_digitization_rate: { numerator: DOSSIER_COUNTS.resultDigitized, denominator: DOSSIER_COUNTS.finished },
  on_time_rate: { numerator: DOSSIER_COUNTS.onTime, denominator: DOSSIER_COUNTS.finished },
  late: { numerator: DOSSIER_COUNTS.late, denominator: DOSSIER_COUNTS.late },
  overdue_open: { numerator: DOSSIER_COUNTS.overdueOpen, denominator: DOSSIER_COUNTS.overdueOpen },
  online_payment_rate: { numerator: DOSSIER_COUNTS.paidOnline, denominator: DOSSIER_COUNTS.feeEligible },
  ecert_copies: { numerator: withEcertCopies, denominator: DOSSIER_COUNTS.received },
  satisfaction_rate: { numerator: DOSSIER_COUNTS.satisfied, denominator: DOSSIER_COUNTS.rated },
}

export function vietnamMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+07:00`)
}

/** The bounds of the period from `from` to `to`, both days included. */
export function periodBounds(period: { from: string; to: string }): PeriodBounds {
  const end = vietnamMidnight(period.to)
  end.setUTCDate(end.getUTCDate() + 1)
  return { start: vietnamMidnight(period.from), end }
}
