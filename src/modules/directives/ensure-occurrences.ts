import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { occurrencesBetween, parseRecurrence, type WorkingDays } from '../../domain/directives/recurrence.js'
import { addDays, type LocalDate } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { writeAudit } from '../audit/write-audit.js'
import { insertOccurrences, listTasksWithAssignees } from './tasks.repository.js'

/** Occurrences are made up to two weeks ahead, so "due this week" and the reminders before a deadline see them. */
export const OCCURRENCE_HORIZON_DAYS = 14

/** The last due date stored occurrences reach at `now`: the real today (Vietnam day) + the horizon, never a date a request names. */
export function storedHorizon(now: Date): LocalDate {
  return addDays(toVietnamDate(now), OCCURRENCE_HORIZON_DAYS)
}

export interface TaskToOccur {
  recurrence: string
  dueOn: string | null
  startsOn: string
  endsOn: string | null
  units: { id: number; validTo: string | null }[]
}

/**
 * The occurrences a task owes with due dates in [after + 1 day, to] (or its end): one per
 * assignee and period. A once task is owed whatever its date; a recurring one from its start on.
 * A unit owes nothing due after its last day (a commune merged away on 1/7/2025 owes no weekly
 * report since).
 */
export function occurrencesOwed(task: TaskToOccur, calendar: WorkingDays, to: LocalDate, after: LocalDate | null = null): { unitId: number; periodKey: string; dueOn: string }[] {
  const rule = parseRecurrence(task.recurrence)
  if (!rule) return []
  if (rule.kind === 'once' && after !== null) return []
  const start = after !== null && addDays(after, 1) > task.startsOn ? addDays(after, 1) : task.startsOn
  const from = rule.kind === 'once' ? '1900-01-01' : start
  const end = rule.kind === 'once' ? '9999-12-31' : task.endsOn !== null && task.endsOn < to ? task.endsOn : to
  const owed: { unitId: number; periodKey: string; dueOn: string }[] = []
  for (const occurrence of occurrencesBetween(rule, task.dueOn, from, end, calendar)) {
    for (const unit of task.units) if (unit.validTo === null || occurrence.dueOn <= unit.validTo) owed.push({ unitId: unit.id, ...occurrence })
  }
  return owed
}

/**
 * Creates the occurrences each task owes from its start up to the real today + the horizon:
 * a system job (the server's timer runs it, and so does any read of the task lists before it
 * answers), bounded by the server's clock, so no request can make it write further ahead.
 * Idempotent: an occurrence already made is kept (with its submissions). When it adds any, one
 * audit row by `system` says how many and up to when, in the same transaction.
 */
export async function ensureOccurrences(db: Kysely<Database> | Transaction<Database>, calendar: WorkingDays, now: Date = new Date(), directiveId?: number): Promise<number> {
  const horizon = storedHorizon(now)
  const run = async (trx: Transaction<Database>) => {
    const rows = await listTasksWithAssignees(trx, directiveId)
    const byTask = new Map<number, TaskToOccur>()
    for (const r of rows) {
      const entry = byTask.get(r.id) ?? { recurrence: r.recurrence, dueOn: r.due_on, startsOn: r.starts_on, endsOn: r.ends_on, units: [] }
      entry.units.push({ id: r.unit_id, validTo: r.unit_valid_to })
      byTask.set(r.id, entry)
    }
    const wanted = [...byTask].flatMap(([taskId, task]) => occurrencesOwed(task, calendar, horizon).map((o) => ({ taskId, ...o })))
    const added = await insertOccurrences(trx, wanted)
    if (added > 0) await writeAudit(trx, { actor: 'system', action: 'task.occurrences', entity: 'task_occurrence', summary: { added, up_to: horizon, directive: directiveId ?? null } })
    return added
  }
  return db.isTransaction ? run(db as Transaction<Database>) : (db as Kysely<Database>).transaction().execute(run)
}
