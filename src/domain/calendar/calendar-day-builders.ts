import { addDays, type LocalDate, parseIsoDate } from '../time/local-date.js'
import { type CalendarDay, CalendarDayKind } from './calendar-day.js'

// Small constructors so that the year-by-year data reads like the notices. They validate every
// date, so a typo such as 2025-02-30 fails when the module loads, not in a deadline months later.

export function holiday(date: LocalDate, name: string, source: string): CalendarDay {
  return { date: parseIsoDate(date), kind: CalendarDayKind.holiday, name, source }
}

export function workday(date: LocalDate, name: string, source: string): CalendarDay {
  return { date: parseIsoDate(date), kind: CalendarDayKind.workday, name, source }
}

/** Every day from `from` to `to` inclusive as a holiday: notices announce Tết as one block. */
export function holidayBlock(from: LocalDate, to: LocalDate, name: string, source: string): CalendarDay[] {
  const days: CalendarDay[] = []
  for (let date = parseIsoDate(from); date <= parseIsoDate(to); date = addDays(date, 1)) {
    days.push(holiday(date, name, source))
  }
  return days
}
