import { addDays, dayOfWeek, isLocalDate, type LocalDate } from '../time/local-date.js'
import { letterDate } from '../reports/letter-dates.js'

/**
 * When a task is due: once (the letter's deadline), or again and again — weekly on a weekday
 * (the office's weekly summary), monthly before a day (seed 003: "trước ngày 25 hằng tháng"),
 * quarterly before a day of the quarter's last month, yearly before a date. Stored as text
 * ("weekly:5", "monthly:25", "quarterly:25", "yearly:12-15", "once") so a row and a file say
 * it the same way.
 */
export type Recurrence =
  | { kind: 'once' }
  | { kind: 'weekly'; weekday: number }
  | { kind: 'monthly'; beforeDay: number }
  | { kind: 'quarterly'; beforeDay: number }
  | { kind: 'yearly'; beforeMonth: number; beforeDay: number }

export type RecurrenceKind = Recurrence['kind']

/** The working days a recurrence is computed on (the calendar in force). */
export interface WorkingDays {
  isWorkingDay(date: LocalDate): boolean
}

/** One occurrence of a task: the period it answers for and the last day a submission is on time. */
export interface Occurrence {
  periodKey: string
  dueOn: LocalDate
}

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy']
const PATTERN = /^(?:(once)|weekly:([1-5])|monthly:(\d{1,2})|quarterly:(\d{1,2})|yearly:(\d{2})-(\d{2}))$/

/** The rule a text names, or null when it names none ("monthly:32", "weekly:6"). */
export function parseRecurrence(text: string): Recurrence | null {
  const m = PATTERN.exec(text.trim())
  if (!m) return null
  if (m[1]) return { kind: 'once' }
  if (m[2]) return { kind: 'weekly', weekday: Number(m[2]) }
  const day = (s: string) => (Number(s) >= 1 && Number(s) <= 31 ? Number(s) : null)
  if (m[3]) return day(m[3]) === null ? null : { kind: 'monthly', beforeDay: Number(m[3]) }
  if (m[4]) return day(m[4]) === null ? null : { kind: 'quarterly', beforeDay: Number(m[4]) }
  const month = Number(m[5])
  if (month < 1 || month > 12 || !isLocalDate(`2024-${m[5]}-${m[6]}`)) return null
  return { kind: 'yearly', beforeMonth: month, beforeDay: Number(m[6]) }
}

const two = (n: number) => String(n).padStart(2, '0')

export function recurrenceText(rule: Recurrence): string {
  switch (rule.kind) {
    case 'once': return 'once'
    case 'weekly': return `weekly:${rule.weekday}`
    case 'monthly': return `monthly:${rule.beforeDay}`
    case 'quarterly': return `quarterly:${rule.beforeDay}`
    case 'yearly': return `yearly:${two(rule.beforeMonth)}-${two(rule.beforeDay)}`
  }
}

/** How people say it: "hằng tuần, thứ Sáu", "trước ngày 25 hằng tháng". */
export function recurrenceLabel(rule: Recurrence, dueOn: LocalDate | null = null): string {
  switch (rule.kind) {
    case 'once': return dueOn ? `hạn ${letterDate(dueOn)}` : 'một lần'
    case 'weekly': return `hằng tuần, ${WEEKDAY_NAMES[rule.weekday === 7 ? 0 : rule.weekday]}`
    case 'monthly': return `trước ngày ${rule.beforeDay} hằng tháng`
    case 'quarterly': return `hằng quý, trước ngày ${rule.beforeDay} tháng cuối quý`
    case 'yearly': return `hằng năm, trước ngày ${rule.beforeDay}/${rule.beforeMonth}`
  }
}

/** The last working day strictly before `date` ("trước ngày 25" is due on the 24th, or earlier). */
export function lastWorkingDayBefore(date: LocalDate, calendar: WorkingDays): LocalDate {
  let day = addDays(date, -1)
  for (let i = 0; i < 60 && !calendar.isWorkingDay(day); i++) day = addDays(day, -1)
  return day
}

/** `date` itself when it is a working day, otherwise the last working day before it. */
function onOrBefore(date: LocalDate, calendar: WorkingDays): LocalDate {
  return calendar.isWorkingDay(date) ? date : lastWorkingDayBefore(date, calendar)
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** "Before day D of a month": before the D-th, or before the next month's 1st when the month is shorter. */
function beforeDayOf(year: number, month: number, day: number): LocalDate {
  const last = daysInMonth(year, month)
  return day > last ? addDays(`${year}-${two(month)}-${two(last)}`, 1) : `${year}-${two(month)}-${two(day)}`
}

/** ISO 8601 week of a date: "2022-W37" (weeks start on Monday; the year is the Thursday's). */
export function isoWeekKey(date: LocalDate): string {
  const weekday = dayOfWeek(date) === 0 ? 7 : dayOfWeek(date)
  const thursday = addDays(date, 4 - weekday)
  const year = Number(thursday.slice(0, 4))
  const firstThursday = (() => {
    const jan4 = `${year}-01-04`
    const w = dayOfWeek(jan4) === 0 ? 7 : dayOfWeek(jan4)
    return addDays(jan4, 4 - w)
  })()
  const week = Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000)) + 1
  return `${year}-W${two(week)}`
}

/**
 * The occurrences of a recurring task whose due dates fall in [from, to], in order. The date a
 * rule names is moved back to a working day: a weekly summary due on a holiday Friday is due
 * the Thursday before; "before the 25th" is the last working day before the 25th (the rule of
 * the monthly report, domain/reports/monthly-due-date). A once task has its one due date.
 */
export function occurrencesBetween(rule: Recurrence, dueOn: LocalDate | null, from: LocalDate, to: LocalDate, calendar: WorkingDays): Occurrence[] {
  if (from > to) return []
  if (rule.kind === 'once') return dueOn !== null && dueOn >= from && dueOn <= to ? [{ periodKey: 'once', dueOn }] : []
  const found: Occurrence[] = []
  const keep = (periodKey: string, due: LocalDate) => {
    if (due >= from && due <= to) found.push({ periodKey, dueOn: due })
  }
  if (rule.kind === 'weekly') {
    // Start a week early: a holiday can move a due date back into the previous week.
    const weekday = dayOfWeek(from) === 0 ? 7 : dayOfWeek(from)
    for (let monday = addDays(from, 1 - weekday - 7); monday <= addDays(to, 7); monday = addDays(monday, 7)) {
      const named = addDays(monday, rule.weekday - 1)
      keep(isoWeekKey(named), onOrBefore(named, calendar))
    }
    return found
  }
  const firstYear = Number(from.slice(0, 4)) - 1
  const lastYear = Number(to.slice(0, 4)) + 1
  for (let year = firstYear; year <= lastYear; year++) {
    if (rule.kind === 'yearly') {
      keep(String(year), lastWorkingDayBefore(beforeDayOf(year, rule.beforeMonth, rule.beforeDay), calendar))
      continue
    }
    for (let month = 1; month <= 12; month++) {
      if (rule.kind === 'quarterly' && month % 3 !== 0) continue
      const key = rule.kind === 'monthly' ? `${year}-${two(month)}` : `${year}-Q${month / 3}`
      keep(key, lastWorkingDayBefore(beforeDayOf(year, month, rule.beforeDay), calendar))
    }
  }
  return found
}
