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

/** What a late entry's row keeps besides the entity's column. */
export interface LateClaim {
  claimedAt: Date
  reason: string
}

/**
 * The time to store for a step claimed at `claimed` and recorded at `recorded`, and the late
 * entry to keep beside it. `judgedBy: 'recorded'` for a step that ends or pauses a clock the
 * unit is judged by (a report submitted, a feedback item handled): until confirmed, the figures
 * see the recording time. `'claimed'` for a time whose back-dating could only hurt the unit (the
 * receipt of a feedback item starts its clock). A late entry without a reason is refused.
 */
export function settleClaimedTime(claimed: Date, recorded: Date, reason: string | null | undefined, calendar: WorkingDays, judgedBy: 'recorded' | 'claimed'): { at: Date; late: LateClaim | null } | { problem: string } {
  if (!isLateEntry(claimed, recorded, calendar)) return { at: claimed, late: null }
  const given = lateEntryReason(reason)
  if (given === null) return { problem: `nhập bù ngày ${vietnameseDay(claimed)} (trước ngày làm việc liền trước ngày nhập) phải ghi lý do nhập bù` }
  return { at: judgedBy === 'recorded' ? recorded : claimed, late: { claimedAt: claimed, reason: given } }
}

function vietnameseDay(instant: Date): string {
  const [year, month, day] = toVietnamDate(instant).split('-').map(Number)
  return `${day}/${month}/${year}`
}
