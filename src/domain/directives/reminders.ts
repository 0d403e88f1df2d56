import { letterDate } from '../reports/letter-dates.js'
import { addDays, daysBetween, type LocalDate } from '../time/local-date.js'
import type { WorkingDays } from './recurrence.js'
import type { OccurrenceVerdict } from './task-state.js'

/**
 * Reminders of a deadline: one before it (from two working days before the due date, while
 * nothing is delivered) and one after it (in the week after, while it is still missing; an
 * occurrence missing for months is on the overdue list, not in a late e-mail). Each is sent once
 * per occurrence and kind: its dedupe key names both.
 */
export type ReminderKind = 'before' | 'after'

export const REMINDER_WORKING_DAYS_BEFORE = 2
export const REMINDER_DAYS_AFTER = 7

/** The reminder due for an occurrence on `today`, or null. */
export function reminderDue(dueOn: LocalDate, verdict: OccurrenceVerdict, today: LocalDate, calendar: WorkingDays): ReminderKind | null {
  if (verdict.timeliness === 'missing') return daysBetween(dueOn, today) <= REMINDER_DAYS_AFTER ? 'after' : null
  if (verdict.timeliness !== 'pending') return null
  let start = dueOn
  for (let n = 0; n < REMINDER_WORKING_DAYS_BEFORE; ) {
    start = addDays(start, -1)
    if (calendar.isWorkingDay(start)) n++
  }
  return today >= start && today <= dueOn ? 'before' : null
}

export function reminderDedupeKey(occurrenceId: number, kind: ReminderKind): string {
  return `task-occurrence:${occurrenceId}:${kind}`
}

export interface ReminderFacts {
  kind: ReminderKind
  unitName: string
  taskTitle: string
  directive: string
  dueOn: LocalDate
  today: LocalDate
}

/** The console's line and the e-mail's subject and body, in Vietnamese. */
export function reminderText(f: ReminderFacts): { line: string; subject: string; body: string } {
  const days = daysBetween(f.today, f.dueOn)
  const line =
    f.kind === 'before'
      ? `Sắp đến hạn ${letterDate(f.dueOn)} (${days === 0 ? 'hạn là hôm nay' : `còn ${days} ngày`}): ${f.taskTitle}`
      : `Đã quá hạn ${letterDate(f.dueOn)} (${-days} ngày), chưa nộp: ${f.taskTitle}`
  const subject = f.kind === 'before' ? `Nhắc hạn ${letterDate(f.dueOn)}: ${f.taskTitle}` : `Quá hạn ${letterDate(f.dueOn)}: ${f.taskTitle}`
  const body = [
    `Kính gửi: ${f.unitName}.`,
    '',
    `Theo ${f.directive}, ${f.unitName} được giao: ${f.taskTitle}.`,
    f.kind === 'before' ? `Hạn nộp: ${letterDate(f.dueOn)}. Đề nghị hoàn thành và nộp đúng hạn trên motcua.` : `Hạn nộp là ${letterDate(f.dueOn)}, đến nay chưa nhận được. Đề nghị nộp ngay trên motcua.`,
  ].join('\n')
  return { line, subject, body }
}
