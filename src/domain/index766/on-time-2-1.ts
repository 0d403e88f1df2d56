import { pausedWorkingDays, type PauseInterval } from '../calendar/deadline.js'
import type { WorkingCalendar } from '../calendar/working-calendar.js'
import { DossierEventType, type DossierEvent } from '../dossiers/dossier-event.js'
import { daysBetween } from '../time/local-date.js'
import { toVietnamDate } from '../time/vietnam-time.js'

/*
 * Indicator 2.1 of the Decision 766 index (INDICATORS.md): is a dossier handled early or on
 * time, as judged at the end of a period?
 * - It ends at its first terminal event: the result ready, else the return, else a refusal
 *   (stopped or refused); a withdrawal also ends it.
 * - The applicant's time to supplement is subtracted: the due date moves back by the working
 *   days spent waiting for the supplement (only those: a `paused` stretch is the office's).
 * - A dossier asked to supplement more than once is late, whatever the dates.
 * - A dossier still open is judged at the period's end: on time while within its deadline.
 * Events at or after the period's end are not known then and are ignored (an import counts
 * by the times it reports, not by when it was made).
 */

export type OnTimeEvent = Pick<DossierEvent, 'type' | 'at'> & Partial<Pick<DossierEvent, 'status' | 'finishedAt' | 'returnedAt'>>

export interface OnTimeFacts {
  receivedAt: Date
  /**
   * The appointment as made at receipt, before any supplement (the column `due_at` of a desk
   * dossier already holds closed pauses: give the one computed without them). Null: no deadline,
   * on time, as for the other indicators.
   */
  dueAt: Date | null
  events: readonly OnTimeEvent[]
}

export const OnTimeReason = {
  endedOnTime: 'ended_on_time',
  endedLate: 'ended_late',
  openWithinDeadline: 'open_within_deadline',
  openOverdue: 'open_overdue',
  supplementedMoreThanOnce: 'supplemented_more_than_once',
  noDeadline: 'no_deadline',
} as const
export type OnTimeReason = (typeof OnTimeReason)[keyof typeof OnTimeReason]

export interface OnTimeVerdict {
  onTime: boolean
  reason: OnTimeReason
  /** The first terminal event's time, or null when the dossier is open at the period's end. */
  endedAt: Date | null
  /** When it was judged: its end, or the period's end. */
  judgedAt: Date
  supplementRequests: number
  /** Working days the applicant's supplements added to the deadline. */
  supplementWorkingDays: number
  /** The deadline after them; null when the dossier has none. */
  adjustedDueAt: Date | null
  explanation: string
}

const RESULT_STATUSES = new Set(['finished', 'returned'])
const REFUSAL_STATUSES = new Set(['rejected', 'withdrawn'])

/** The moments each kind of terminal event happened, imports included (they carry the other system's times). */
function terminalMoments(events: readonly OnTimeEvent[]): { result: Date[]; returned: Date[]; refused: Date[] } {
  const result: Date[] = []
  const returned: Date[] = []
  const refused: Date[] = []
  for (const event of events) {
    switch (event.type) {
      case DossierEventType.finish:
        result.push(event.at)
        break
      case DossierEventType.return:
        returned.push(event.at)
        break
      case DossierEventType.reject:
      case DossierEventType.withdraw:
        refused.push(event.at)
        break
      case DossierEventType.imported:
      case DossierEventType.statusSynced:
        if (event.status && RESULT_STATUSES.has(event.status)) {
          result.push(event.finishedAt ?? event.at)
          if (event.returnedAt) returned.push(event.returnedAt)
        } else if (event.status && REFUSAL_STATUSES.has(event.status)) {
          refused.push(event.finishedAt ?? event.at)
        }
        break
      default:
        break
    }
  }
  return { result, returned, refused }
}

const earliest = (dates: readonly Date[]): Date | null => (dates.length === 0 ? null : new Date(Math.min(...dates.map((d) => d.getTime()))))

const dateTimeFormat = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hour12: false })
const when = (d: Date) => dateTimeFormat.format(d)

/** Judges one dossier for 2.1 at `periodEnd` (the instant the period ends: 24:00 of its last day). */
export function judgeOnTime21(calendar: WorkingCalendar, facts: OnTimeFacts, periodEnd: Date): OnTimeVerdict {
  // An import tells, when it is made, what happened before (its finishing and return times):
  // those times, not the import's own, say whether it was known at the period's end.
  const isImport = (e: OnTimeEvent) => e.type === DossierEventType.imported || e.type === DossierEventType.statusSynced
  const known = facts.events.filter((e) => isImport(e) || e.at.getTime() < periodEnd.getTime())
  const moments = terminalMoments(known)
  const inPeriod = (dates: Date[]) => dates.filter((d) => d.getTime() < periodEnd.getTime())
  const endedAt = earliest(inPeriod(moments.result)) ?? earliest(inPeriod(moments.returned)) ?? earliest(inPeriod(moments.refused))
  const judgedAt = endedAt ?? periodEnd

  // The applicant's supplement stretches up to the judged moment; an open one closes there.
  const sorted = known.filter((e) => !isImport(e) && e.at.getTime() <= judgedAt.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime())
  const stretches: PauseInterval[] = []
  let openFrom: Date | null = null
  let supplementRequests = 0
  for (const event of sorted) {
    if (event.type === DossierEventType.requestSupplement) {
      supplementRequests += 1
      if (openFrom === null) openFrom = event.at
    } else if (event.type === DossierEventType.supplementReceived && openFrom !== null) {
      stretches.push({ from: openFrom, to: event.at })
      openFrom = null
    }
  }
  if (openFrom !== null) stretches.push({ from: openFrom, to: judgedAt })
  const supplementWorkingDays = pausedWorkingDays(calendar, stretches)

  let adjustedDueAt: Date | null = null
  if (facts.dueAt) {
    const dueDate = toVietnamDate(facts.dueAt)
    const pushed = calendar.addWorkingDays(dueDate, supplementWorkingDays)
    // Vietnam has no daylight saving: moving the date keeps the hour.
    adjustedDueAt = new Date(facts.dueAt.getTime() + daysBetween(dueDate, pushed) * 86_400_000)
  }

  const base = { endedAt, judgedAt, supplementRequests, supplementWorkingDays, adjustedDueAt }
  if (supplementRequests > 1) {
    return { ...base, onTime: false, reason: OnTimeReason.supplementedMoreThanOnce, explanation: `yêu cầu bổ sung ${supplementRequests} lần → trễ hạn` }
  }
  if (adjustedDueAt === null) {
    return { ...base, onTime: true, reason: OnTimeReason.noDeadline, explanation: 'không có hạn giải quyết → đúng hạn' }
  }
  const withinDeadline = judgedAt.getTime() <= adjustedDueAt.getTime()
  const dueText = `hạn ${when(adjustedDueAt)}${supplementWorkingDays > 0 ? ` (lùi ${supplementWorkingDays} ngày làm việc chờ bổ sung)` : ''}`
  if (endedAt) {
    return withinDeadline
      ? { ...base, onTime: true, reason: OnTimeReason.endedOnTime, explanation: `kết thúc ${when(endedAt)}, ${dueText} → đúng hạn` }
      : { ...base, onTime: false, reason: OnTimeReason.endedLate, explanation: `kết thúc ${when(endedAt)}, ${dueText} → trễ hạn` }
  }
  return withinDeadline
    ? { ...base, onTime: true, reason: OnTimeReason.openWithinDeadline, explanation: `chưa kết thúc khi hết kỳ, ${dueText} → trong hạn` }
    : { ...base, onTime: false, reason: OnTimeReason.openOverdue, explanation: `chưa kết thúc khi hết kỳ, ${dueText} → quá hạn` }
}
