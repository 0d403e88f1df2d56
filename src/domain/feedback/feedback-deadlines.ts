import { effectiveReceiptDate } from '../calendar/deadline.js'
import type { WorkingCalendar } from '../calendar/working-calendar.js'
import { formatVietnameseDate, type LocalDate } from '../time/local-date.js'
import { toVietnamDate } from '../time/vietnam-time.js'
import type { FeedbackSteps } from './feedback.js'

/*
 * The deadlines of a feedback item (INDICATORS.md, 5.2), in working days of the WorkingCalendar:
 * - rejected (từ chối tiếp nhận) within 2 working days of receipt;
 * - a supplement asked for (yêu cầu bổ sung) within 5 working days of receipt;
 * - handled (xử lý xong) within 15 working days of receipt;
 * - its result made public (công khai kết quả) within 2 working days of the handling.
 * A step's day counts as a deadline's day: a step on the N-th working day is on time. An item
 * received (or handled) on a non-working day or after 17:00 counts from the next working day,
 * as dossiers do. A step after the period's end is not known then: an item still open is
 * judged at the period's end — late once a deadline it has not met has passed.
 */
export const FEEDBACK_DEADLINE_DAYS = { reject: 2, requestSupplement: 5, handle: 15, publish: 2 } as const

export const FeedbackVerdictReason = {
  rejectedOnTime: 'rejected_on_time',
  rejectedLate: 'rejected_late',
  supplementRequestLate: 'supplement_request_late',
  handledLate: 'handled_late',
  publishedLate: 'published_late',
  publishedOnTime: 'published_on_time',
  openWithinTime: 'open_within_time',
  openOverdue: 'open_overdue',
} as const
export type FeedbackVerdictReason = (typeof FeedbackVerdictReason)[keyof typeof FeedbackVerdictReason]

export interface FeedbackVerdict {
  onTime: boolean
  reason: FeedbackVerdictReason
  /** Rejected, or handled and made public, before the period's end; else null (open then). */
  endedAt: Date | null
  explanation: string
}

const when = (date: LocalDate) => formatVietnameseDate(date)

/** The deadline day of a step N working days after `from` (counted as receipts are). */
function deadlineDay(calendar: WorkingCalendar, from: Date, days: number): LocalDate {
  return calendar.addWorkingDays(effectiveReceiptDate(calendar, from), days)
}

/** Judges one item for 5.2 at `periodEnd` (the instant the period ends: 24:00 of its last day). */
export function judgeFeedback(calendar: WorkingCalendar, steps: FeedbackSteps, periodEnd: Date): FeedbackVerdict {
  const known = (at: Date | null): Date | null => (at !== null && at.getTime() < periodEnd.getTime() ? at : null)
  const lastDay = toVietnamDate(new Date(periodEnd.getTime() - 1))
  const rejectedAt = known(steps.rejectedAt)
  const supplementAt = known(steps.supplementRequestedAt)
  const handledAt = rejectedAt ? null : known(steps.handledAt)
  const publishedAt = handledAt ? known(steps.publishedAt) : null
  const D = FEEDBACK_DEADLINE_DAYS

  if (supplementAt) {
    const due = deadlineDay(calendar, steps.receivedAt, D.requestSupplement)
    const day = toVietnamDate(supplementAt)
    if (day > due) {
      return { onTime: false, reason: FeedbackVerdictReason.supplementRequestLate, endedAt: rejectedAt ?? publishedAt, explanation: `yêu cầu bổ sung ngày ${when(day)}, hạn ${when(due)} (${D.requestSupplement} ngày làm việc) → trễ hạn` }
    }
  }
  if (rejectedAt) {
    const due = deadlineDay(calendar, steps.receivedAt, D.reject)
    const day = toVietnamDate(rejectedAt)
    return day <= due
      ? { onTime: true, reason: FeedbackVerdictReason.rejectedOnTime, endedAt: rejectedAt, explanation: `từ chối ngày ${when(day)}, hạn ${when(due)} (${D.reject} ngày làm việc) → đúng hạn` }
      : { onTime: false, reason: FeedbackVerdictReason.rejectedLate, endedAt: rejectedAt, explanation: `từ chối ngày ${when(day)}, hạn ${when(due)} (${D.reject} ngày làm việc) → trễ hạn` }
  }
  const handleDue = deadlineDay(calendar, steps.receivedAt, D.handle)
  if (!handledAt) {
    return lastDay <= handleDue
      ? { onTime: true, reason: FeedbackVerdictReason.openWithinTime, endedAt: null, explanation: `chưa xử lý xong khi hết kỳ (${when(lastDay)}), hạn xử lý ${when(handleDue)} → trong hạn` }
      : { onTime: false, reason: FeedbackVerdictReason.openOverdue, endedAt: null, explanation: `chưa xử lý xong khi hết kỳ (${when(lastDay)}), hạn xử lý ${when(handleDue)} → quá hạn` }
  }
  const handledDay = toVietnamDate(handledAt)
  if (handledDay > handleDue) {
    return { onTime: false, reason: FeedbackVerdictReason.handledLate, endedAt: publishedAt, explanation: `xử lý xong ngày ${when(handledDay)}, hạn ${when(handleDue)} (${D.handle} ngày làm việc) → trễ hạn` }
  }
  const publishDue = deadlineDay(calendar, handledAt, D.publish)
  if (!publishedAt) {
    return lastDay <= publishDue
      ? { onTime: true, reason: FeedbackVerdictReason.openWithinTime, endedAt: null, explanation: `xử lý xong ngày ${when(handledDay)}, chưa công khai khi hết kỳ, hạn công khai ${when(publishDue)} → trong hạn` }
      : { onTime: false, reason: FeedbackVerdictReason.openOverdue, endedAt: null, explanation: `xử lý xong ngày ${when(handledDay)}, chưa công khai khi hết kỳ, hạn công khai ${when(publishDue)} → quá hạn` }
  }
  const publishedDay = toVietnamDate(publishedAt)
  return publishedDay <= publishDue
    ? { onTime: true, reason: FeedbackVerdictReason.publishedOnTime, endedAt: publishedAt, explanation: `xử lý xong ngày ${when(handledDay)}, công khai ngày ${when(publishedDay)} (hạn ${when(publishDue)}) → đúng hạn` }
    : { onTime: false, reason: FeedbackVerdictReason.publishedLate, endedAt: publishedAt, explanation: `công khai kết quả ngày ${when(publishedDay)}, hạn ${when(publishDue)} (${D.publish} ngày làm việc sau khi xử lý xong) → trễ hạn` }
}

/** The moment an item is over (rejected, or its result made public), or null while it is open. */
export function feedbackEndedAt(steps: Pick<FeedbackSteps, 'rejectedAt' | 'handledAt' | 'publishedAt'>): Date | null {
  return steps.rejectedAt ?? (steps.handledAt ? steps.publishedAt : null)
}
