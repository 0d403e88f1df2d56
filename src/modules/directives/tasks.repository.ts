import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'

type Db = Kysely<Database> | Transaction<Database>

export interface NewTask {
  directiveId: number
  title: string
  monitorUnitId: number
  recurrence: string
  dueOn: string | null
  startsOn: string
  endsOn: string | null
  assigneeUnitIds: number[]
}

export async function insertTask(trx: Transaction<Database>, t: NewTask): Promise<number> {
  const row = await trx
    .insertInto('tasks')
    .values({ directive_id: t.directiveId, title: t.title, monitor_unit_id: t.monitorUnitId, recurrence: t.recurrence, due_on: t.dueOn, starts_on: t.startsOn, ends_on: t.endsOn })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx.insertInto('task_assignees').values(t.assigneeUnitIds.map((unitId) => ({ task_id: row.id, unit_id: unitId }))).execute()
  return row.id
}

/** Every task with its assignees: what occurrences are generated from. */
export async function listTasksWithAssignees(db: Db, directiveId?: number) {
  let query = db
    .selectFrom('tasks as t')
    .innerJoin('task_assignees as a', 'a.task_id', 't.id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select(['t.id', 't.directive_id', 't.title', 't.recurrence', 't.due_on', 't.starts_on', 't.ends_on', 't.monitor_unit_id', 'a.unit_id', 'u.valid_to as unit_valid_to'])
  if (directiveId !== undefined) query = query.where('t.directive_id', '=', directiveId)
  return query.orderBy('t.id').orderBy('a.unit_id').execute()
}

/** Adds occurrences; one already there (same task, unit and period) is kept as it is. */
export async function insertOccurrences(db: Db, rows: readonly { taskId: number; unitId: number; periodKey: string; dueOn: string }[]): Promise<number> {
  if (rows.length === 0) return 0
  let added = 0
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500)
    const result = await db
      .insertInto('task_occurrences')
      .values(chunk.map((r) => ({ task_id: r.taskId, unit_id: r.unitId, period_key: r.periodKey, due_on: r.dueOn })))
      .onConflict((oc) => oc.columns(['task_id', 'unit_id', 'period_key']).doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return added
}

export interface OccurrenceFilter {
  /** Occurrences owed by, or monitored by, these units. */
  unitIds: ReadonlySet<number>
  /** Only those owed by this unit (and, with `subtree`, its units below). */
  assigneeIds?: readonly number[] | undefined
  directiveId?: number | undefined
  occurrenceId?: number | undefined
  dueFrom?: string | undefined
  dueTo?: string | undefined
}

/** Occurrences with their task, directive and units, oldest due first. */
export async function listOccurrences(db: Db, f: OccurrenceFilter) {
  const ids = [...f.unitIds]
  if (ids.length === 0) return []
  let query = db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .innerJoin('directives as d', 'd.id', 't.directive_id')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .innerJoin('units as m', 'm.id', 't.monitor_unit_id')
    .select([
      'o.id', 'o.task_id', 'o.unit_id', 'o.period_key', 'o.due_on', 't.title', 't.recurrence', 't.monitor_unit_id', 'd.id as directive_id', 'd.unit_id as directive_unit_id', 'd.doc_type', 'd.number',
      'd.issued_on', 'u.code as unit_code', 'u.name as unit_name', 'm.code as monitor_code', 'm.name as monitor_name',
    ])
    .where((eb) => eb.or([eb('o.unit_id', 'in', ids), eb('t.monitor_unit_id', 'in', ids)]))
  if (f.assigneeIds) query = query.where('o.unit_id', 'in', f.assigneeIds.length > 0 ? [...f.assigneeIds] : [-1])
  if (f.directiveId !== undefined) query = query.where('t.directive_id', '=', f.directiveId)
  if (f.occurrenceId !== undefined) query = query.where('o.id', '=', f.occurrenceId)
  if (f.dueFrom) query = query.where('o.due_on', '>=', f.dueFrom)
  if (f.dueTo) query = query.where('o.due_on', '<=', f.dueTo)
  return query.orderBy('o.due_on').orderBy('t.id').orderBy('u.code').execute()
}
export type OccurrenceRow = Awaited<ReturnType<typeof listOccurrences>>[number]

/**
 * The tasks and assignees the same filter reaches, with what an occurrence row shows: the
 * periods beyond the stored horizon are computed from them in memory (project-occurrences.ts).
 */
export async function listTaskAssignments(db: Db, f: OccurrenceFilter) {
  const ids = [...f.unitIds]
  if (ids.length === 0 || f.occurrenceId !== undefined) return []
  let query = db
    .selectFrom('tasks as t')
    .innerJoin('task_assignees as a', 'a.task_id', 't.id')
    .innerJoin('directives as d', 'd.id', 't.directive_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('units as m', 'm.id', 't.monitor_unit_id')
    .select([
      't.id as task_id', 'a.unit_id', 't.due_on as task_due_on', 't.starts_on', 't.ends_on', 'u.valid_to as unit_valid_to', 't.title', 't.recurrence', 't.monitor_unit_id', 'd.id as directive_id',
      'd.unit_id as directive_unit_id', 'd.doc_type', 'd.number', 'd.issued_on', 'u.code as unit_code', 'u.name as unit_name', 'm.code as monitor_code', 'm.name as monitor_name',
    ])
    .where((eb) => eb.or([eb('a.unit_id', 'in', ids), eb('t.monitor_unit_id', 'in', ids)]))
  if (f.assigneeIds) query = query.where('a.unit_id', 'in', f.assigneeIds.length > 0 ? [...f.assigneeIds] : [-1])
  if (f.directiveId !== undefined) query = query.where('t.directive_id', '=', f.directiveId)
  return query.orderBy('t.id').orderBy('u.code').execute()
}

/** The submissions of the occurrences, oldest first, with the names of their files. */
export async function submissionsOf(db: Db, occurrenceIds: readonly number[]) {
  if (occurrenceIds.length === 0) return []
  return db
    .selectFrom('task_submissions as s')
    .leftJoin('files as f', 'f.id', 's.file_id')
    .select(['s.id', 's.occurrence_id', 's.submitted_at', 's.submitted_by', 's.note', 's.file_id', 'f.original_name as file_name', 's.verdict', 's.verdict_reason', 's.verdict_by', 's.verdict_at'])
    .where('s.occurrence_id', 'in', [...occurrenceIds])
    .orderBy('s.submitted_at')
    .orderBy('s.id')
    .execute()
}
export type SubmissionRow = Awaited<ReturnType<typeof submissionsOf>>[number]

/** The occurrence and its task's monitor, locked for a step (two officials acting at once wait in turn). */
export async function lockOccurrence(trx: Transaction<Database>, id: number) {
  return trx
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .select(['o.id', 'o.unit_id', 'o.due_on', 'o.period_key', 't.id as task_id', 't.title', 't.monitor_unit_id'])
    .where('o.id', '=', id)
    .forUpdate('o')
    .executeTakeFirst()
}

export async function insertSubmission(trx: Transaction<Database>, s: { occurrenceId: number; submittedAt: Date; submittedBy: string; note: string; fileId: string | null }): Promise<number> {
  const row = await trx
    .insertInto('task_submissions')
    .values({ occurrence_id: s.occurrenceId, submitted_at: s.submittedAt, submitted_by: s.submittedBy, note: s.note, file_id: s.fileId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The verdict on the latest submission (the only one awaiting it). */
export async function setVerdict(trx: Transaction<Database>, submissionId: number, v: { verdict: 'accepted' | 'returned'; reason: string | null; by: string }): Promise<void> {
  await trx.updateTable('task_submissions').set({ verdict: v.verdict, verdict_reason: v.reason, verdict_by: v.by, verdict_at: sql<Date>`now()` }).where('id', '=', submissionId).where('verdict', 'is', null).execute()
}

export async function contactsOf(db: Db, unitIds: readonly number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map()
  const rows = await db.selectFrom('task_contacts').select(['unit_id', 'email']).where('unit_id', 'in', [...unitIds]).execute()
  return new Map(rows.map((r) => [r.unit_id, r.email]))
}

export async function saveContact(trx: Transaction<Database>, unitId: number, email: string): Promise<void> {
  await trx.insertInto('task_contacts').values({ unit_id: unitId, email }).onConflict((oc) => oc.column('unit_id').doUpdateSet({ email })).execute()
}

/** A submission with its verdict as it was given (the demo's history). */
export async function insertJudgedSubmission(trx: Transaction<Database>, s: { occurrenceId: number; submittedAt: Date; submittedBy: string; note: string; verdict: 'accepted' | 'returned' | null; reason: string | null; verdictBy: string | null; verdictAt: Date | null }): Promise<void> {
  await trx
    .insertInto('task_submissions')
    .values({ occurrence_id: s.occurrenceId, submitted_at: s.submittedAt, submitted_by: s.submittedBy, note: s.note, file_id: null, verdict: s.verdict, verdict_reason: s.reason, verdict_by: s.verdictBy, verdict_at: s.verdictAt })
    .execute()
}
