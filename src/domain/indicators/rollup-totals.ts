/** The sums, over a unit scope and a period, that every indicator is made of. */
export interface RollupTotals {
  received: number
  onlineEligible: number
  online: number
  digitizationEligible: number
  fullyDigitized: number
  feeEligible: number
  paidOnline: number
  ecertCopies: number
  finished: number
  resultDigitized: number
  onTime: number
  late: number
  rated: number
  satisfied: number
  /** Dossiers overdue and still open at the end of the period. */
  overdueOpen: number
}

export const EMPTY_TOTALS: RollupTotals = {
  received: 0, onlineEligible: 0, online: 0, digitizationEligible: 0, fullyDigitized: 0, feeEligible: 0, paidOnline: 0, ecertCopies: 0,
  finished: 0, resultDigitized: 0, onTime: 0, late: 0, rated: 0, satisfied: 0, overdueOpen: 0,
}

export function addTotals(a: RollupTotals, b: RollupTotals): RollupTotals {
  const sum = { ...a }
  for (const key of Object.keys(sum) as (keyof RollupTotals)[]) sum[key] = a[key] + b[key]
  return sum
}
