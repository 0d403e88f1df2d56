import { IndicatorId } from './indicator-id.js'
import { percentage } from './percentage.js'
import type { RollupTotals } from './rollup-totals.js'

export interface RateValue {
  numerator: number
  denominator: number
  /** Percentage rounded half-up to two decimals; null when the denominator is 0 ("không phát sinh"). */
  value: number | null
}

export interface CountValue {
  value: number
}

export type IndicatorValue = RateValue | CountValue

export interface IndicatorValues {
  received: CountValue
  online_rate: RateValue
  dossier_digitization_rate: RateValue
  result_digitization_rate: RateValue
  on_time_rate: RateValue
  late: CountValue
  overdue_open: CountValue
  online_payment_rate: RateValue
  ecert_copies: CountValue
  /** Only for a subtree: commune units with at least one e-certified copy. */
  ecert_units?: CountValue
  /**
   * Only for a subtree: commune units that have ever issued an e-certified copy, from the start
   * date (default: the earliest data) up to the period's end. "Chưa thực hiện" means zero here.
   */
  ecert_units_to_date?: CountValue
  satisfaction_rate: RateValue
}

function rate(numerator: number, denominator: number): RateValue {
  return { numerator, denominator, value: percentage(numerator, denominator) }
}

/** Every core indicator from the sums of a scope and period: ratios of sums, never means of rates. */
export function computeIndicators(totals: RollupTotals, ecertUnits: number | null = null, ecertUnitsToDate: number | null = null): IndicatorValues {
  const values: IndicatorValues = {
    [IndicatorId.received]: { value: totals.received },
    [IndicatorId.onlineRate]: rate(totals.online, totals.onlineEligible),
    [IndicatorId.dossierDigitizationRate]: rate(totals.fullyDigitized, totals.digitizationEligible),
    [IndicatorId.resultDigitizationRate]: rate(totals.resultDigitized, totals.finished),
    [IndicatorId.onTimeRate]: rate(totals.onTime, totals.finished),
    [IndicatorId.late]: { value: totals.late },
    [IndicatorId.overdueOpen]: { value: totals.overdueOpen },
    [IndicatorId.onlinePaymentRate]: rate(totals.paidOnline, totals.feeEligible),
    [IndicatorId.ecertCopies]: { value: totals.ecertCopies },
    [IndicatorId.satisfactionRate]: rate(totals.satisfied, totals.rated),
  }
  if (ecertUnits !== null) values.ecert_units = { value: ecertUnits }
  if (ecertUnitsToDate !== null) values.ecert_units_to_date = { value: ecertUnitsToDate }
  return values
}

export function isRate(value: IndicatorValue): value is RateValue {
  return 'denominator' in value
}
