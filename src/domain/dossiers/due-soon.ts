import { END_OF_WORKING_DAY } from '../calendar/deadline.js'
import type { WorkingCalendar } from '../calendar/working-calendar.js'
import { toVietnamDate, vietnamDateTime } from '../time/vietnam-time.js'

/** How far ahead the desk warns: a dossier due by the end of the next N working days is "sắp đến hạn". */
export const DUE_SOON_WORKING_DAYS = 1

/**
 * The last instant a dossier may be due and still count as due soon: the end of the N-th working
 * day after today on the calendar in force (a weekend or Tết in between does not use up the warning).
 */
export function dueSoonLimit(calendar: WorkingCalendar, now: Date, workingDays: number = DUE_SOON_WORKING_DAYS): Date {
  return vietnamDateTime(calendar.addWorkingDays(toVietnamDate(now), workingDays), END_OF_WORKING_DAY)
}

/** Due soon: open, not yet late, due by the limit. Overdue: open and past due. */
export function deadlineStanding(dueAt: Date | null, now: Date, limit: Date): 'overdue' | 'due_soon' | 'later' | 'none' {
  if (dueAt === null) return 'none'
  if (dueAt.getTime() < now.getTime()) return 'overdue'
  return dueAt.getTime() <= limit.getTime() ? 'due_soon' : 'later'
}
