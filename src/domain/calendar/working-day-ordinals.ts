import { addDays, utcMidnightOf, type LocalDate } from '../time/local-date.js'
import type { WorkingCalendar } from './working-calendar.js'

const DAY_MS = 86_400_000

/** Days since 1970-01-01 of a local date: how SQL numbers a Vietnamese day (`floor((epoch + 7 h) / 1 day)`). */
export function dayNumberOf(date: LocalDate): number {
  return utcMidnightOf(date) / DAY_MS
}

/**
 * A stretch of the working calendar as numbers, so a set-wise query can do working-day
 * arithmetic by array look-ups: for the day numbered `firstDay + i`, `ordinal[i]` is the count of
 * working days from `firstDay` up to and including it, `working[i]` whether it is one; the k-th
 * working day of the stretch (k ≥ 1) is numbered `dayOfOrdinal[k - 1]`. Then, within the
 * stretch, `workingDaysBetween(a, b)` = ordinal(b) − ordinal(a) for a ≤ b, and
 * `addWorkingDays(d, n)` (n ≥ 1) = the working day of ordinal ordinal(d) + n.
 */
export interface WorkingDayOrdinals {
  firstDay: number
  lastDay: number
  ordinal: number[]
  working: boolean[]
  dayOfOrdinal: number[]
}

/** The ordinals of every day from `from` to `to`, both included. */
export function workingDayOrdinals(calendar: WorkingCalendar, from: LocalDate, to: LocalDate): WorkingDayOrdinals {
  const ordinal: number[] = []
  const working: boolean[] = []
  const dayOfOrdinal: number[] = []
  const firstDay = dayNumberOf(from)
  let count = 0
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const isWorking = calendar.isWorkingDay(day)
    if (isWorking) {
      count += 1
      dayOfOrdinal.push(firstDay + ordinal.length)
    }
    ordinal.push(count)
    working.push(isWorking)
  }
  return { firstDay, lastDay: firstDay + ordinal.length - 1, ordinal, working, dayOfOrdinal }
}
