import type { WorkingCalendar } from '../calendar/working-calendar.js'
import { toVietnamDate } from '../time/vietnam-time.js'

/*
 * Indicator 2.2 of the Decision 766 index (INDICATORS.md): the average processing time, total
 * processing time in working days / dossiers finished in the period. Tracked, never scored.
 */

/**
 * A finished dossier's processing time in working days: the working days after the day it was
 * received up to the day it was finished (received and finished the same day: 0), less the
 * working days the applicant took to supplement (as 2.1 subtracts them), never below 0.
 */
export function processingWorkingDays(calendar: WorkingCalendar, receivedAt: Date, finishedAt: Date, supplementWorkingDays: number): number {
  return Math.max(0, calendar.workingDaysBetween(toVietnamDate(receivedAt), toVietnamDate(finishedAt)) - supplementWorkingDays)
}
