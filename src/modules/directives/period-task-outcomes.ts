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
 * not happened yet for that document), as the completion indicator judges them.
 */
export async function periodTaskOutcomes(db: Kysely<Database>, unitId: number, period: { from: LocalDate; to: LocalDate }, asOf: LocalDate): Promise<TaskOutcome[]> {
  const scope = await subtreeOf(db, unitId)
  const board = await taskBoard(db, await loadWorkingCalendar(db), asOf, { unitIds: scope, assigneeIds: [...scope], dueFrom: period.from, dueTo: period.to })
  return board.map((item) => ({ unitName: item.occurrence.unit_name, timeliness: item.verdict.timeliness }))
}
