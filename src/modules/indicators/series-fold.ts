import { addTotals, EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import { addDays, type LocalDate } from '../../domain/time/local-date.js'
import type { Period } from './indicator-scope.js'
import { periodSegments } from './period-segments.js'
import type { ScopeTotals } from './rollup.repository.js'
import { monthStart, type SeriesRollups } from './series.repository.js'

function* daysOf(range: Period): Generator<LocalDate> {
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) yield day
}

/** The first days of the months of a range that starts on a first day. */
function* monthsOf(range: Period): Generator<LocalDate> {
  for (let month = range.from; month <= range.to; month = monthStart(addDays(month, 31))) yield month
}

/**
 * One bucket's sums from rows read once for the whole series, taking exactly the rows
 * `totalsForScopes` would read for that bucket alone (the same `periodSegments`): whole months
 * from rollup_monthly, loose days from rollup_daily, overdue_open as the running sum of
 * (enter − exit) — every month before the month of `to`, then its days up to `to`. A series has
 * no ecert_units_to_date: the rows read start at the series, not at the earliest data.
 */
export function bucketTotals(rollups: SeriesRollups, bucket: Period): Omit<ScopeTotals, 'ecertUnitsToDate'> {
  const seg = periodSegments(bucket)
  const looseDays = [...daysOf(seg.headDays), ...daysOf(seg.tailDays)]
  const wholeMonths = [...monthsOf(seg.months)]
  let totals: RollupTotals = EMPTY_TOTALS
  for (const day of looseDays) totals = addTotals(totals, rollups.days.get(day) ?? EMPTY_TOTALS)
  for (const month of wholeMonths) totals = addTotals(totals, rollups.months.get(month) ?? EMPTY_TOTALS)

  let overdueOpen = rollups.overdueBefore
  for (const month of monthsOf({ from: rollups.firstMonth, to: addDays(seg.overdueMonthsBefore, -1) })) overdueOpen += rollups.months.get(month)?.overdueOpen ?? 0
  for (const day of daysOf(seg.overdueDays)) overdueOpen += rollups.days.get(day)?.overdueOpen ?? 0

  // ecert_units: communes whose own copies in the bucket add up to more than zero.
  const copiesByUnit = new Map<number, number>()
  const ecertRows = [...looseDays.map((day) => rollups.ecertDays.get(day)), ...wholeMonths.map((month) => rollups.ecertMonths.get(month))]
  for (const byUnit of ecertRows) {
    for (const [unitId, copies] of byUnit ?? []) copiesByUnit.set(unitId, (copiesByUnit.get(unitId) ?? 0) + copies)
  }
  const ecertUnits = [...copiesByUnit.values()].filter((copies) => copies > 0).length
  return { totals: { ...totals, overdueOpen }, ecertUnits }
}
