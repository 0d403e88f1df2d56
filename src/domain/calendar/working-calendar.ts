import { addDays, isWeekend, type LocalDate, parseIsoDate, yearOf } from '../time/local-date.js'
import { type CalendarDay, CalendarDayKind } from './calendar-day.js'
import { CalendarError, CalendarErrorCode } from './calendar-error.js'
import { computedDaysForYear } from './default-days.js'
import { officialDaysForYear } from './vietnam-official-days.js'

/**
 * The entries (holidays and swapped working days) dated in one year. When two entries share a
 * date the later one wins, so a source can append corrections after the built-in days.
 * Entries dated outside the year are ignored: each year answers for its own dates.
 */
export type DaysForYear = (year: number) => readonly CalendarDay[]

/** The announced days where this code has them (2020–2026), otherwise the law's days. */
export const builtInDaysForYear: DaysForYear = (year) => officialDaysForYear(year) ?? computedDaysForYear(year)

export interface DayInfo {
  working: boolean
  /** The entry that made the day differ from the Monday–Friday rule, or that labels it. */
  entry?: CalendarDay
}

// A run of days off longer than this means broken data (a whole year marked as holiday),
// not a real calendar: stop instead of looping for ever.
const LONGEST_BREAK_DAYS = 366

/**
 * Which days are working days, under Monday–Friday work with the holidays and swapped days
 * of a `DaysForYear`. Pure: the database layer passes a `DaysForYear` that reads the
 * administrators' edits. Each year is asked for once and kept, so build one calendar per
 * request or job (or per edit) rather than one per dossier.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, ReadonlyMap<LocalDate, CalendarDay>>()

  constructor(private readonly daysForYear: DaysForYear = builtInDaysForYear) {}

  dayInfo(date: LocalDate): DayInfo {
    const entry = this.entriesOf(yearOf(date)).get(date)
    const working = entry ? entry.kind === CalendarDayKind.workday : !isWeekend(date)
    return entry ? { working, entry } : { working }
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).working
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    let day = parseIsoDate(date)
    for (let step = 0; step < LONGEST_BREAK_DAYS; step += 1) {
      day = addDays(day, 1)
      if (this.isWorkingDay(day)) return day
    }
    throw new CalendarError(CalendarErrorCode.noWorkingDay, `no working day in the ${LONGEST_BREAK_DAYS} days after ${date}`)
  }

  /** The n-th working day after `date`; n = 0 returns `date` itself, working day or not. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) {
      throw new CalendarError(CalendarErrorCode.invalidWorkingDayCount, `expected a whole number ≥ 0, got ${n}`)
    }
    let day = parseIsoDate(date)
    for (let k = 0; k < n; k += 1) day = this.nextWorkingDay(day)
    return day
  }

  /** Working days d with from < d ≤ to; 0 when `to` is not after `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    parseIsoDate(from)
    parseIsoDate(to)
    let count = 0
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1
    }
    return count
  }

  /** The working days from `from` to `to`, both included, in order: for display. */
  workingDaysIn(from: LocalDate, to: LocalDate): LocalDate[] {
    parseIsoDate(to)
    const days: LocalDate[] = []
    for (let day = parseIsoDate(from); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) days.push(day)
    }
    return days
  }

  private entriesOf(year: number): ReadonlyMap<LocalDate, CalendarDay> {
    let entries = this.years.get(year)
    if (!entries) {
      const map = new Map<LocalDate, CalendarDay>()
      for (const day of this.daysForYear(year)) {
        if (yearOf(day.date) === year) map.set(day.date, day)
      }
      entries = map
      this.years.set(year, entries)
    }
    return entries
  }
}
