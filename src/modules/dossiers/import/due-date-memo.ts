import { computeDueAt } from '../../../domain/calendar/deadline.js'
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js'
import { parseClockTime, toVietnamDate, vietnamSecondsOfDay } from '../../../domain/time/vietnam-time.js'

/**
 * Due dates for a file of dossiers: all dossiers received on the same day, on the same side
 * of the cut-off, with the same processing time share one due date, so it is computed once.
 */
export class DueDateMemo {
  private readonly memo = new Map<string, Date>()

  constructor(private readonly calendar: WorkingCalendar) {}

  dueAt(receivedAt: Date, processingDays: number, cutoff: string | null): Date {
    const effectiveCutoff = cutoff ?? '17:00'
    const afterCutoff = vietnamSecondsOfDay(receivedAt) >= parseClockTime(effectiveCutoff)
    const key = `${toVietnamDate(receivedAt)}|${afterCutoff}|${processingDays}|${effectiveCutoff}`
    let due = this.memo.get(key)
    if (due === undefined) {
      due = computeDueAt(this.calendar, { receivedAt, processingDays, cutoff: effectiveCutoff })
      this.memo.set(key, due)
    }
    return due
  }
}
