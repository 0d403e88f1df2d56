import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { completionOf, completionSentence, type Completion } from '../../domain/directives/completion.js'
import { parseRecurrence, recurrenceLabel, type WorkingDays } from '../../domain/directives/recurrence.js'
import { reminderDue, reminderText, type ReminderKind } from '../../domain/directives/reminders.js'
import { allowedTaskSteps, dueThisWeek, judgeOccurrence, type OccurrenceVerdict, type TaskStep } from '../../domain/directives/task-state.js'
import { letterDate } from '../../domain/reports/letter-dates.js'
import { addDays, type LocalDate } from '../../domain/time/local-date.js'
import { latestRequestDate } from '../../domain/time/request-date-bounds.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { ensureOccurrences, OCCURRENCE_HORIZON_DAYS, storedHorizon } from './ensure-occurrences.js'
import { lateEntriesOf, type LateEntryRow } from '../late-entries/late-entries.repository.js'
import { projectOccurrences, PROJECTED_OCCURRENCE_ID } from './project-occurrences.js'
import { listOccurrences, submissionsOf, type OccurrenceFilter, type OccurrenceRow, type SubmissionRow } from './tasks.repository.js'

export type BoardSubmission = SubmissionRow & { lateEntry: LateEntryRow | null }

export interface BoardItem {
  occurrence: OccurrenceRow
  submissions: BoardSubmission[]
  verdict: OccurrenceVerdict
  recurrenceLabel: string
  directiveLabel: string
  dueThisWeek: boolean
  reminder: { kind: ReminderKind; line: string } | null
  /** A period beyond what the server has made (a view as of a later date): computed, not stored. */
  projected: boolean
}

/** "Công văn số 1262/UBND-VP ngày 15/9/2022". */
export function directiveLabel(o: { doc_type: string; number: string; issued_on: string }): string {
  return `${o.doc_type} số ${o.number} ngày ${letterDate(o.issued_on)}`
}

/**
 * The occurrences a unit owes or monitors, judged on `today`, with their submissions and the
 * reminder due. The periods the server owes by its own clock are made first (reading is enough
 * to see a recurring task's new period); `today` only chooses the view: a recurring period due
 * after `today` + the horizon is left out, as it was not made yet on that day, and the periods of
 * a later `today` than the server's are computed in memory (up to a year ahead), never stored.
 */
export async function taskBoard(db: Kysely<Database>, calendar: WorkingDays, today: LocalDate, filter: OccurrenceFilter, now: Date = new Date()): Promise<BoardItem[]> {
  await ensureOccurrences(db, calendar, now)
  const latest = addDays(latestRequestDate(toVietnamDate(now)), OCCURRENCE_HORIZON_DAYS)
  const viewUpTo = addDays(today, OCCURRENCE_HORIZON_DAYS) < latest ? addDays(today, OCCURRENCE_HORIZON_DAYS) : latest
  const stored = (await listOccurrences(db, filter)).filter((o) => o.due_on <= viewUpTo || parseRecurrence(o.recurrence)?.kind === 'once')
  // Periods stored earlier beyond the horizon (made by a far date before the horizon followed the clock) are not computed twice.
  const storedKeys = new Set(stored.map((o) => `${o.task_id}|${o.unit_id}|${o.period_key}`))
  const projected = (await projectOccurrences(db, calendar, filter, storedHorizon(now), viewUpTo)).filter((o) => !storedKeys.has(`${o.task_id}|${o.unit_id}|${o.period_key}`))
  const occurrences = projected.length === 0 ? stored : [...stored, ...projected].sort((a, b) => a.due_on.localeCompare(b.due_on) || a.task_id - b.task_id || a.unit_code.localeCompare(b.unit_code))
  const submissions = await submissionsOf(db, occurrences.map((o) => o.id))
  const late = await lateEntriesOf(db, 'task_submission', submissions.map((s) => s.id))
  const byOccurrence = new Map<number, BoardSubmission[]>()
  for (const s of submissions) byOccurrence.set(s.occurrence_id, [...(byOccurrence.get(s.occurrence_id) ?? []), { ...s, lateEntry: late.get(String(s.id))?.[0] ?? null }])
  return occurrences.map((o) => {
    // As of `today`: what was submitted or judged later has not happened yet.
    const own = (byOccurrence.get(o.id) ?? []).filter((s) => toVietnamDate(s.submitted_at) <= today)
    // A verdict counts once given, or when a later submission in view shows it was (a report entered afterwards).
    const known = own.map((s, i) => ({ submittedAt: s.submitted_at, verdict: i < own.length - 1 || (s.verdict_at !== null && toVietnamDate(s.verdict_at) <= today) ? s.verdict : null }))
    const verdict = judgeOccurrence(o.due_on, known, today)
    const kind = reminderDue(o.due_on, verdict, today, calendar)
    const rule = parseRecurrence(o.recurrence)
    const label = directiveLabel(o)
    return {
      occurrence: o,
      submissions: own,
      verdict,
      recurrenceLabel: rule ? recurrenceLabel(rule, o.due_on) : o.recurrence,
      directiveLabel: label,
      dueThisWeek: dueThisWeek(verdict, o.due_on, today),
      projected: o.id === PROJECTED_OCCURRENCE_ID,
      reminder: kind ? { kind, line: reminderText({ kind, unitName: o.unit_name, taskTitle: o.title, directive: label, dueOn: o.due_on, today }).line } : null,
    }
  })
}

export function allowedSteps(item: BoardItem): TaskStep[] {
  return item.projected ? [] : allowedTaskSteps(item.verdict.state)
}

export interface UnitCompletion extends Completion {
  unitCode: string
  unitName: string
  sentence: string
}

/** The completion indicator per assignee unit over the occurrences given (those due in a period). */
export function completionByUnit(items: readonly BoardItem[]): UnitCompletion[] {
  const byUnit = new Map<string, { name: string; items: BoardItem[] }>()
  for (const item of items) {
    const entry = byUnit.get(item.occurrence.unit_code) ?? { name: item.occurrence.unit_name, items: [] }
    entry.items.push(item)
    byUnit.set(item.occurrence.unit_code, entry)
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([unitCode, { name, items: own }]) => {
      const completion = completionOf(own.map((i) => i.verdict.timeliness))
      return { unitCode, unitName: name, ...completion, sentence: completionSentence(completion) }
    })
}
