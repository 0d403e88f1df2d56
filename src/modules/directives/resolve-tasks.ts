import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkTask, type RuleBreak, type TaskInput } from '../../domain/directives/directive-rules.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { subtreeOf } from '../units/units.repository.js'
import type { NewTask } from './tasks.repository.js'

type Db = Kysely<Database> | Transaction<Database>

/** Field breaks named as "tasks[2].due_on" so a form or a file can point at the cell. */
export function rulesRefused(what: string, breaks: readonly RuleBreak[]): AppError {
  return new AppError(
    ErrorCode.validation,
    `invalid ${what}: ${breaks.map((b) => b.field).join(', ')}`,
    `${what === 'directive' ? 'Văn bản chỉ đạo' : 'Nhiệm vụ'} không hợp lệ:\n${breaks.map((b) => `- ${b.field}: ${b.reason}`).join('\n')}`,
    breaks.map((b) => ({ column: b.field, reason: b.reason })),
  )
}

/**
 * Checks tasks and turns their unit codes into ids. The assignees and the monitor are units of
 * the directive's unit or below: a district assigns its communes and offices, never a
 * neighbour's.
 */
export async function resolveTasks(db: Db, ownerUnitId: number, directiveId: number, issuedOn: string, tasks: readonly TaskInput[]): Promise<NewTask[]> {
  const breaks: RuleBreak[] = []
  const subtree = await subtreeOf(db, ownerUnitId)
  const codes = [...new Set(tasks.flatMap((t) => [...t.assignees, t.monitor]))]
  const units = codes.length === 0 ? [] : await db.selectFrom('units').select(['id', 'code']).where('code', 'in', codes).execute()
  const idOf = new Map(units.filter((u) => subtree.has(u.id)).map((u) => [u.code, u.id]))
  tasks.forEach((task, i) => {
    for (const b of checkTask(task, issuedOn)) breaks.push({ field: `tasks[${i + 1}].${b.field}`, reason: b.reason })
    for (const code of task.assignees) if (!idOf.has(code)) breaks.push({ field: `tasks[${i + 1}].assignees`, reason: `không có đơn vị ${code} thuộc phạm vi của đơn vị ban hành` })
    if (task.monitor !== '' && !idOf.has(task.monitor)) breaks.push({ field: `tasks[${i + 1}].monitor`, reason: `không có đơn vị ${task.monitor} thuộc phạm vi của đơn vị ban hành` })
  })
  if (breaks.length > 0) throw rulesRefused('task', breaks)
  return tasks.map((t) => ({
    directiveId,
    title: t.title.trim(),
    monitorUnitId: idOf.get(t.monitor)!,
    recurrence: t.recurrence.trim(),
    dueOn: t.dueOn,
    startsOn: issuedOn,
    endsOn: t.endsOn,
    assigneeUnitIds: t.assignees.map((code) => idOf.get(code)!),
  }))
}
