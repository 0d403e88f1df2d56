import type { LocalDate } from '../time/local-date.js'

/**
 * What a day is when it breaks the default rule (Monday–Friday work, Saturday and Sunday off).
 * - `holiday`: a weekday off — a public holiday, its compensatory day (nghỉ bù) or a day the
 *   government swapped out (nghỉ hoán đổi). Listing one that falls on a weekend is harmless.
 * - `workday`: a Saturday or Sunday worked in exchange for a swapped-out weekday (ngày làm bù).
 */
export const CalendarDayKind = { holiday: 'holiday', workday: 'workday' } as const
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind]

export interface CalendarDay {
  date: LocalDate
  kind: CalendarDayKind
  /** Vietnamese label shown to people, e.g. 'Tết Nguyên Đán', 'Nghỉ bù Quốc khánh', 'Làm bù cho ngày 30/4'. */
  name: string
  /** The notice or rule that set the day, e.g. 'Thông báo 9441/TB-BNV ngày 16/10/2025 …' or 'computed: …'. */
  source: string
}

/** Orders entries by date (LocalDate strings sort chronologically). */
export function byDate(a: CalendarDay, b: CalendarDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}
