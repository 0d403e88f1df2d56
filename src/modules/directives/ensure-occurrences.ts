import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { occurrencesBetween, parseRecurrence, type WorkingDays } from '../../domain/directives/recurrence.js'
import { addDays, type LocalDate } from '../../domain/time/local-date.js'
import { insertOccurrences, listTasksWithAssignees } from './tasks.repository.js'

/** Occurrences are made up to two weeks ahead, so "due this week" and the reminders before a deadline see them. */
export const OCCURRENCE_HORIZON_DAYS = 14

/**
 * Creates the occurrences each task owes from its start up to `today` + the horizon (or its
 * end): one per assignee and period. Idempotent: run on every read of the task lists and by the
 * server's timer, an occurrence already made is kept (with its submissions).
 */
export async function ensureOccurrences(db: Kysely<Database> | Transaction<Database>, calendar: WorkingDays, today: LocalDate, directiveId?: number): Promise<number> {
  const rows = await listTasksWithAssignees(db, directiveId)
  const horizon = addDays(today, OCCURRENCE_HORIZON_DAYS)
  const wanted: { taskId: number; unitId: number; periodKey: string; dueOn: string }[] = []
  const byTask = new Map<number, { rule: string; dueOn: string | null; startsOn: string; endsOn: string | null; units: { id: number; validTo: string | null }[] }>()
  for (const r of rows) {
    const entry = byTask.get(r.id) ?? { rule: r.recurrence, dueOn: r.due_on, startsOn: r.starts_on, endsOn: r.ends_on, units: [] }
    entry.units.push({ id: r.unit_id, validTo: r.unit_valid_to })
    byTask.set(r.id, entry)
  }
  for (const [taskId, task] of byTask) {
    const rule = parseRecurrence(task.rule)
    if (!rule) continue
    // A once task is owed whatever its date; a recurring one from the directive's date on.
    const from = rule.kind === 'once' ? '1900-01-01' : task.startsOn
    const to = rule.kind === 'once' ? '9999-12-31' : task.endsOn !== null && task.endsOn < horizon ? task.endsOn : horizon
    for (const occurrence of occurrencesBetween(rule, task.dueOn, from, to, calendar)) {
      // A unit owes nothing due after its last day (a commune merged away on 1/7/2025 owes no weekly report since).
      for (const unit of task.units) if (unit.validTo === null || occurrence.dueOn <= unit.validTo) wanted.push({ taskId, unitId: unit.id, ...occurrence })
    }
  }
  return insertOccurrences(db, wanted)
}
