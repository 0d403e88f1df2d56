import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { TaskOutcome } from '../../domain/reports/tasks-completion.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { subtreeOf } from '../units/units.repository.js'
import { taskBoard } from './task-board.js'

/**
 * What letters and reports cite about the tasks: every occurrence due in the period that a unit
 * of the issuer's subtree owes, judged on the document's date (what was submitted after it has
 * not happened yet for that document), as the completion indicator judges them; less the tasks
 * a unit below gave and followed itself.
 */
export async function periodTaskOutcomes(db: Kysely<Database>, unitId: number, period: { from: LocalDate; to: LocalDate }, asOf: LocalDate): Promise<TaskOutcome[]> {
  const scope = await subtreeOf(db, unitId)
  const board = await taskBoard(db, await loadWorkingCalendar(db), asOf, { unitIds: scope, assigneeIds: [...scope], dueFrom: period.from, dueTo: period.to })
  return board.filter((item) => countsFor(unitId, item.occurrence)).map((item) => ({ unitName: item.occurrence.unit_name, timeliness: item.verdict.timeliness }))
}

/**
 * A task a unit gave itself (its own directive) and follows itself says nothing to the units
 * above it: it counts in that unit's own documents only. A task from a directive recorded above,
 * or followed by another unit, counts everywhere up the tree.
 */
function countsFor(issuerId: number, o: { unit_id: number; directive_unit_id: number; monitor_unit_id: number }): boolean {
  return o.unit_id === issuerId || o.directive_unit_id !== o.unit_id || o.monitor_unit_id !== o.unit_id
}
