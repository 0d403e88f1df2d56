import { lastWorkingDayBefore, type WorkingDays } from '../directives/recurrence.js'
import { toVietnamDate } from './vietnam-time.js'

/**
 * Nhập bù: a unit records a step it took earlier (a paper report received, a feedback item
 * handled) and gives the time it claims. Entering it the same day or the next working day is the
 * ordinary lag of a desk (Friday's paper typed in on Monday). Earlier than the previous working
 * day of the recording, the entry is a late entry: it needs a reason, it is shown flagged
 * ("Nhập bù"), and figures judge it by its recording time until someone other than the unit
 * (the task's monitor, a leader of a unit above) confirms the claimed time.
 */
export const LATE_ENTRY_BOUND_WORKING_DAYS = 1

/** True when `claimed` is earlier than the previous working day of `recorded` (Vietnam days). */
export function isLateEntry(claimed: Date, recorded: Date, calendar: WorkingDays): boolean {
  return toVietnamDate(claimed) < lastWorkingDayBefore(toVietnamDate(recorded), calendar)
}

/** The reason given, trimmed; null when none (blank counts as none). */
export function lateEntryReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}
