import type { Period } from './indicator-scope.js'
import type { TotalsOptions } from './rollup.repository.js'

/** Before any data: the start of "to date" when no start is configured. */
const EARLIEST = '0001-01-01'
const BITS = 366
const NO_DAYS = '0'.repeat(BITS)

function dayOfYear(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000)
}

/** The bitmap of a year's days from `from` to `to` (both in that year), as ecert_subtree_years keeps them. */
function mask(from: string, to: string): string {
  const first = dayOfYear(from)
  const last = dayOfYear(to)
  return '0'.repeat(first) + '1'.repeat(last - first + 1) + '0'.repeat(BITS - 1 - last)
}

/**
 * A range as ecert_subtree_years (migration 031) is tested by: its first and last years and the
 * masks of their days; the whole years between count by a row being there (rows without copies
 * are not kept). A range within one year tests that year twice; an empty one (from > to) none.
 */
export interface YearsAndMasks {
  firstYear: number
  lastYear: number
  firstMask: string
  lastMask: string
}

function yearsAndMasks(range: Period): YearsAndMasks {
  if (range.from > range.to) return { firstYear: 0, lastYear: 0, firstMask: NO_DAYS, lastMask: NO_DAYS }
  const firstYear = Number(range.from.slice(0, 4))
  const lastYear = Number(range.to.slice(0, 4))
  if (firstYear === lastYear) {
    const days = mask(range.from, range.to)
    return { firstYear, lastYear, firstMask: days, lastMask: days }
  }
  return { firstYear, lastYear, firstMask: mask(range.from, `${firstYear}-12-31`), lastMask: mask(`${lastYear}-01-01`, range.to) }
}

/** What ecert_units (in the period) and ecert_units_to_date (from the start date to its end) ask of ecert_subtree_years. */
export interface CopiesQuestion {
  inPeriod: YearsAndMasks
  toDate: YearsAndMasks
  /** The years of rows read. */
  years: { from: number; to: number }
  /** Communes count as the unit they had become on this day (four merged communes count once after the merger). */
  treeDay: string
}

export function communesWithCopiesQuestion(period: Period, options: TotalsOptions): CopiesQuestion {
  const toDate = { from: options.ecertSince ?? EARLIEST, to: period.to }
  const from = Math.min(Number(toDate.from.slice(0, 4)), Number(period.from.slice(0, 4)))
  return {
    inPeriod: yearsAndMasks(period),
    toDate: yearsAndMasks(toDate),
    years: { from, to: Number(period.to.slice(0, 4)) },
    treeDay: options.treeDay ?? period.to,
  }
}
