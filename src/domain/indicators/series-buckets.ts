import { addDays, dayOfWeek, type LocalDate } from '../time/local-date.js'
import type { CheckedPeriod } from './period.js'

export const Granularity = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as const
export type Granularity = (typeof Granularity)[keyof typeof Granularity]
export const GRANULARITIES = Object.values(Granularity) as readonly Granularity[]

export interface Bucket {
  from: LocalDate
  to: LocalDate
  /** As leaders write it: "Tuần 05/9–11/9/2022", "Tháng 8/2022", "Quý III/2022", "Năm 2022"; a cut bucket by its days. */
  label: string
}

const ROMAN = ['I', 'II', 'III', 'IV']

function startOf(date: LocalDate, granularity: Granularity): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number]
  switch (granularity) {
    case 'week':
      return addDays(date, -((dayOfWeek(date) + 6) % 7)) // weeks start on Monday
    case 'month':
      return `${y}-${String(m).padStart(2, '0')}-01`
    case 'quarter':
      return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`
    case 'year':
      return `${y}-01-01`
  }
}

function nextStart(start: LocalDate, granularity: Granularity): LocalDate {
  if (granularity === 'week') return addDays(start, 7)
  const [y, m] = start.split('-').map(Number) as [number, number]
  const months = granularity === 'month' ? 1 : granularity === 'quarter' ? 3 : 12
  const total = y * 12 + (m - 1) + months
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`
}

const dayMonth = (date: LocalDate) => {
  const [, m, d] = date.split('-').map(Number) as [number, number, number]
  return `${String(d).padStart(2, '0')}/${m}`
}

/** "05/9–09/9/2022"; across a new year "29/12/2025–02/01/2026" (each date with its year). */
export function dateRangeLabel(from: LocalDate, to: LocalDate): string {
  const year = (date: LocalDate) => date.slice(0, 4)
  return year(from) === year(to) ? `${dayMonth(from)}–${dayMonth(to)}/${year(to)}` : `${dayMonth(from)}/${year(from)}–${dayMonth(to)}/${year(to)}`
}

/**
 * A bucket as it is: a whole month "Tháng 8/2022", a whole quarter "Quý III/2022", a whole year
 * "Năm 2022", a week "Tuần 05/9–11/9/2022". A bucket the period cuts says the days it holds —
 * the week of 05/9–09/9 is "Tuần 05/9–09/9/2022", a month cut at the 14th "01/9–14/9/2022" —
 * never the whole week's or month's name for part of it.
 */
function label(start: LocalDate, from: LocalDate, to: LocalDate, granularity: Granularity): string {
  const [y, m] = start.split('-').map(Number) as [number, number]
  if (granularity === 'week') return `Tuần ${dateRangeLabel(from, to)}`
  const whole = from === start && to === addDays(nextStart(start, granularity), -1)
  if (!whole) return dateRangeLabel(from, to)
  switch (granularity) {
    case 'month':
      return `Tháng ${m}/${y}`
    case 'quarter':
      return `Quý ${ROMAN[Math.floor((m - 1) / 3)]}/${y}`
    case 'year':
      return `Năm ${y}`
  }
}

/** The weeks, months, quarters or years of a period; the first and last are cut to the period. */
export function seriesBuckets(period: CheckedPeriod, granularity: Granularity): Bucket[] {
  const buckets: Bucket[] = []
  for (let start = startOf(period.from, granularity); start <= period.to; start = nextStart(start, granularity)) {
    const end = addDays(nextStart(start, granularity), -1)
    const from = start < period.from ? period.from : start
    const to = end > period.to ? period.to : end
    buckets.push({ from, to, label: label(start, from, to, granularity) })
  }
  return buckets
}
