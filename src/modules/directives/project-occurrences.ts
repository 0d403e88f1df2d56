import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WorkingDays } from '../../domain/directives/recurrence.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { occurrencesOwed } from './ensure-occurrences.js'
import { listTaskAssignments, type OccurrenceFilter, type OccurrenceRow } from './tasks.repository.js'

/** A period computed, not stored: it has no id (0), and nothing can be submitted to it yet. */
export const PROJECTED_OCCURRENCE_ID = 0

/**
 * The occurrences of recurring tasks due after `storedUpTo` (what the server has made, up to its
 * real today + the horizon) up to `viewUpTo`: what a view "as of" a later date shows for the
 * periods not made yet, computed in memory by the same rule that makes them, never stored.
 */
export async function projectOccurrences(db: Kysely<Database>, calendar: WorkingDays, filter: OccurrenceFilter, storedUpTo: LocalDate, viewUpTo: LocalDate): Promise<OccurrenceRow[]> {
  if (viewUpTo <= storedUpTo) return []
  const rows = await listTaskAssignments(db, filter)
  const projected: OccurrenceRow[] = []
  for (const r of rows) {
    const owed = occurrencesOwed({ recurrence: r.recurrence, dueOn: r.task_due_on, startsOn: r.starts_on, endsOn: r.ends_on, units: [{ id: r.unit_id, validTo: r.unit_valid_to }] }, calendar, viewUpTo, storedUpTo)
    for (const o of owed) {
      if ((filter.dueFrom && o.dueOn < filter.dueFrom) || (filter.dueTo && o.dueOn > filter.dueTo)) continue
      projected.push({
        id: PROJECTED_OCCURRENCE_ID, task_id: r.task_id, unit_id: r.unit_id, period_key: o.periodKey, due_on: o.dueOn, title: r.title, recurrence: r.recurrence, monitor_unit_id: r.monitor_unit_id,
        directive_id: r.directive_id, directive_unit_id: r.directive_unit_id, doc_type: r.doc_type, number: r.number, issued_on: r.issued_on, unit_code: r.unit_code, unit_name: r.unit_name,
        monitor_code: r.monitor_code, monitor_name: r.monitor_name,
      })
    }
  }
  return projected
}
