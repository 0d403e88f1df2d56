import { addDays } from '../../domain/time/local-date.js'
import type { Period } from './indicator-scope.js'

/** A range that selects nothing, for an empty segment. */
const NOTHING: Period = { from: '9999-12-31', to: '0001-01-01' }

export interface PeriodSegments {
  /** Whole months inside the period, read from rollup_monthly (first days of the months). */
  months: Period
  /** The days before the first whole month and after the last, read from rollup_daily. */
  headDays: Period
  tailDays: Period
  /** overdue_open at the end: months before the month of `to` from rollup_monthly, its days from rollup_daily. */
  overdueMonthsBefore: string
  overdueDays: Period
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

function nextMonthStart(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

/**
 * Splits a period so a year is read as 12 monthly rows instead of 365 daily ones, with daily
 * rows only for the partial months at either end.
 */
export function periodSegments(period: Period): PeriodSegments {
  const firstWhole = period.from === monthStart(period.from) ? period.from : nextMonthStart(period.from)
  const afterLastWhole = addDays(period.to, 1) === nextMonthStart(period.to) ? nextMonthStart(period.to) : monthStart(period.to)
  const hasWholeMonths = firstWhole < afterLastWhole
  const months = hasWholeMonths ? { from: firstWhole, to: addDays(afterLastWhole, -1) } : NOTHING
  return {
    months: hasWholeMonths ? { from: months.from, to: monthStart(months.to) } : NOTHING,
    headDays: hasWholeMonths ? (period.from < firstWhole ? { from: period.from, to: addDays(firstWhole, -1) } : NOTHING) : period,
    tailDays: hasWholeMonths && afterLastWhole <= period.to ? { from: afterLastWhole, to: period.to } : NOTHING,
    overdueMonthsBefore: monthStart(period.to),
    overdueDays: { from: monthStart(period.to), to: period.to },
  }
}
