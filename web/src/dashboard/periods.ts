import dayjs, { type Dayjs } from 'dayjs'

export type PeriodKind = 'week' | 'month' | 'quarter' | 'year' | 'custom'

export interface Period {
  kind: PeriodKind
  from: string
  to: string
}

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  week: 'Tuần',
  month: 'Tháng',
  quarter: 'Quý',
  year: 'Năm',
  custom: 'Tùy chọn',
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD')

/** The whole week (Monday–Sunday), month, quarter or year around a day. */
export function periodAround(kind: Exclude<PeriodKind, 'custom'>, day: Dayjs): Period {
  switch (kind) {
    case 'week': {
      const monday = day.subtract((day.day() + 6) % 7, 'day')
      return { kind, from: iso(monday), to: iso(monday.add(6, 'day')) }
    }
    case 'month':
      return { kind, from: iso(day.startOf('month')), to: iso(day.endOf('month')) }
    case 'quarter': {
      const start = day.startOf('month').month(Math.floor(day.month() / 3) * 3)
      return { kind, from: iso(start), to: iso(start.add(2, 'month').endOf('month')) }
    }
    case 'year':
      return { kind, from: iso(day.startOf('year')), to: iso(day.endOf('year')) }
  }
}

export interface Preset {
  label: string
  period: Period
}

/** "Tuần này", "Tháng trước"…, counted from today. */
export function presets(today: Dayjs = dayjs()): Preset[] {
  return [
    { label: 'Tuần này', period: periodAround('week', today) },
    { label: 'Tuần trước', period: periodAround('week', today.subtract(7, 'day')) },
    { label: 'Tháng này', period: periodAround('month', today) },
    { label: 'Tháng trước', period: periodAround('month', today.startOf('month').subtract(1, 'day')) },
    { label: 'Quý này', period: periodAround('quarter', today) },
    { label: 'Quý trước', period: periodAround('quarter', today.startOf('month').subtract(3, 'month')) },
    { label: 'Năm nay', period: periodAround('year', today) },
    { label: 'Năm trước', period: periodAround('year', today.subtract(1, 'year')) },
  ]
}

/** What a period is called: "Tuần 05/9/2022 – 11/9/2022", "Tháng 9/2022", "Quý III/2022", "Năm 2022". */
export function describePeriodKind(period: Period): string | null {
  const from = dayjs(period.from)
  switch (period.kind) {
    case 'month':
      return `Tháng ${from.month() + 1}/${from.year()}`
    case 'quarter':
      return `Quý ${['I', 'II', 'III', 'IV'][Math.floor(from.month() / 3)]}/${from.year()}`
    case 'year':
      return `Năm ${from.year()}`
    default:
      return null
  }
}

/** The trend chart's buckets: weeks for short periods, months otherwise. */
export function seriesRange(period: Period): { from: string; to: string; granularity: 'week' | 'month' } {
  const from = dayjs(period.from)
  const to = dayjs(period.to)
  const days = to.diff(from, 'day') + 1
  if (days <= 14) {
    // The eight weeks up to the period, so the chart shows where the week stands.
    const start = periodAround('week', to).from
    return { from: iso(dayjs(start).subtract(7 * 7, 'day')), to: iso(dayjs(periodAround('week', to).to)), granularity: 'week' }
  }
  // At least twelve months, ending with the period.
  const start = dayjs(period.to).startOf('month').subtract(11, 'month')
  return { from: iso(start.isBefore(from) ? start : from.startOf('month')), to: iso(to.endOf('month')), granularity: 'month' }
}

export function isIsoDate(text: string | null): text is string {
  return !!text && /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text).isValid()
}
