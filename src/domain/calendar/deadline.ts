import type { LocalDate } from '../time/local-date.js'
import { type ClockTime, parseClockTime, toVietnamDate, vietnamDateTime, vietnamSecondsOfDay } from '../time/vietnam-time.js'
import { CalendarError, CalendarErrorCode } from './calendar-error.js'
import type { WorkingCalendar } from './working-calendar.js'

/*
 * When a dossier is due (INDICATORS.md, "Deadlines and working days"):
 * - a dossier received on a non-working day, or at or after the cut-off of a working day,
 *   counts as received on the next working day;
 * - it is due at 17:00 on the N-th working day after that date, N being the procedure's
 *   processing days (N = 0: 17:00 on that date);
 * - time spent waiting for the applicant (`supplement`) or `paused` pushes the date back.
 */

/** The end of the working day: due times fall here, and it is the cut-off unless a procedure sets an earlier one. */
export const END_OF_WORKING_DAY: ClockTime = '17:00'
export const DEFAULT_CUTOFF: ClockTime = END_OF_WORKING_DAY
/** The earlier cut-off the rules on certifications (chứng thực) set. */
export const CERTIFICATION_CUTOFF: ClockTime = '15:00'

/** A stretch in `supplement` or `paused` status; `to` is null while the dossier is still waiting. */
export interface PauseInterval {
  from: Date
  to: Date | null
}

export interface DueAtInput {
  receivedAt: Date
  /** The procedure's time limit in working days (`processing_days`). */
  processingDays: number
  /** 'HH:MM' (or 'HH:MM:SS') at or after which a receipt counts for the next working day; default 17:00. */
  cutoff?: ClockTime
  pauses?: readonly PauseInterval[]
}

/** The working day a dossier counts as received on. */
export function effectiveReceiptDate(
  calendar: WorkingCalendar,
  receivedAt: Date,
  cutoff: ClockTime = DEFAULT_CUTOFF,
): LocalDate {
  const date = toVietnamDate(receivedAt)
  const afterCutoff = vietnamSecondsOfDay(receivedAt) >= parseClockTime(cutoff)
  return calendar.isWorkingDay(date) && !afterCutoff ? date : calendar.nextWorkingDay(date)
}

/**
 * Processing days as whole working days. A fraction (0.5 day) is rounded up: counting half
 * days needs the hours of the morning and afternoon sessions, which the spec does not define,
 * and rounding up is never earlier than any half-day reading, so it never marks late a dossier
 * such a rule would have found on time.
 */
export function wholeWorkingDays(processingDays: number): number {
  if (!Number.isFinite(processingDays) || processingDays < 0) {
    throw new CalendarError(CalendarErrorCode.invalidProcessingDays, `expected a number ≥ 0, got ${processingDays}`)
  }
  return Math.ceil(processingDays)
}

/**
 * Working days the pauses push the due date back: for each pause, the working days after the
 * day it began, up to and including the day it ended (so a pause within one day costs none,
 * and one from Friday to Monday costs Monday). A pause still open is not counted: its length
 * is unknown until the dossier resumes, and the due date then moves; to judge a waiting
 * dossier at a given moment, close the pause at that moment first. Pauses must not overlap
 * (a dossier is in one status at a time); overlapping ones would be counted twice.
 */
export function pausedWorkingDays(calendar: WorkingCalendar, pauses: readonly PauseInterval[]): number {
  let total = 0
  for (const pause of pauses) {
    if (pause.to === null) continue
    if (pause.to.getTime() < pause.from.getTime()) {
      throw new CalendarError(
        CalendarErrorCode.invalidPause,
        `pause ends (${pause.to.toISOString()}) before it starts (${pause.from.toISOString()})`,
      )
    }
    total += calendar.workingDaysBetween(toVietnamDate(pause.from), toVietnamDate(pause.to))
  }
  return total
}

/** 17:00 Vietnam time on the due date (see the rules at the top of this file). */
export function computeDueAt(calendar: WorkingCalendar, input: DueAtInput): Date {
  const start = effectiveReceiptDate(calendar, input.receivedAt, input.cutoff ?? DEFAULT_CUTOFF)
  const days = wholeWorkingDays(input.processingDays) + pausedWorkingDays(calendar, input.pauses ?? [])
  return vietnamDateTime(calendar.addWorkingDays(start, days), END_OF_WORKING_DAY)
}

/** Finished after the due time; finishing exactly at 17:00 on the due date is on time. */
export function isLate(dueAt: Date, finishedAt: Date): boolean {
  return finishedAt.getTime() > dueAt.getTime()
}
