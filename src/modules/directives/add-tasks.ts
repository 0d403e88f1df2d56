import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { TaskInput } from '../../domain/directives/directive-rules.js'
import type { WorkingDays } from '../../domain/directives/recurrence.js'
import { writeAudit } from '../audit/write-audit.js'
import type { DirectiveRow } from './directives.repository.js'
import { ensureOccurrences } from './ensure-occurrences.js'
import { resolveTasks } from './resolve-tasks.js'
import { insertTask } from './tasks.repository.js'

/** Adds tasks to a recorded directive (the clerk confirming what a letter proposes), audited. */
export async function addTasks(db: Kysely<Database>, directive: DirectiveRow, tasks: readonly TaskInput[], who: { actor: string; ip?: string | null }, calendar: WorkingDays): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const resolved = await resolveTasks(trx, directive.unitId, directive.id, directive.issuedOn, tasks)
    const ids: number[] = []
    for (const task of resolved) ids.push(await insertTask(trx, task))
    await ensureOccurrences(trx, calendar, new Date(), directive.id)
    await writeAudit(trx, { actor: who.actor, ip: who.ip ?? null, action: 'directive.add_tasks', entity: 'directive', entityId: String(directive.id), summary: { tasks: tasks.map((t, i) => ({ id: ids[i], ...t })) } })
    return ids
  })
}
