import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, LateEntriesTable, LateEntryField } from '../../db/schema.js'
import type { LateClaim } from '../../domain/time/late-entry.js'

type Db = Kysely<Database> | Transaction<Database>
export type LateEntryRow = Selectable<LateEntriesTable>
export type LateEntity = 'task_submission' | 'feedback'

/** Keeps the claimed time beside the stored one; a step entered again replaces its row. */
export async function saveLateEntry(trx: Transaction<Database>, e: { entity: LateEntity; entityId: string | number; field: LateEntryField; claim: LateClaim; recordedAt: Date; recordedBy: string }): Promise<void> {
  const values = { claimed_at: e.claim.claimedAt, recorded_at: e.recordedAt, recorded_by: e.recordedBy, reason: e.claim.reason, confirmed_by: null, confirmed_at: null }
  await trx
    .insertInto('late_entries')
    .values({ entity: e.entity, entity_id: String(e.entityId), field: e.field, ...values })
    .onConflict((oc) => oc.columns(['entity', 'entity_id', 'field']).doUpdateSet(values))
    .execute()
}

/** The late entries of some rows of an entity, by row id. */
export async function lateEntriesOf(db: Db, entity: LateEntity, ids: readonly (string | number)[]) {
  if (ids.length === 0) return new Map<string, LateEntryRow[]>()
  const rows = await db.selectFrom('late_entries').selectAll().where('entity', '=', entity).where('entity_id', 'in', ids.map(String)).orderBy('id').execute()
  const byId = new Map<string, LateEntryRow[]>()
  for (const r of rows) byId.set(String(r.entity_id), [...(byId.get(String(r.entity_id)) ?? []), r])
  return byId
}

/** The one late entry, locked, for its confirmation. */
export async function lockLateEntry(trx: Transaction<Database>, entity: LateEntity, entityId: string | number, id?: string) {
  let query = trx.selectFrom('late_entries').selectAll().where('entity', '=', entity).where('entity_id', '=', String(entityId))
  if (id !== undefined) query = query.where('id', '=', id)
  return query.forUpdate().executeTakeFirst()
}

export async function markConfirmed(trx: Transaction<Database>, id: string, by: string, at: Date): Promise<void> {
  await trx.updateTable('late_entries').set({ confirmed_by: by, confirmed_at: at }).where('id', '=', id).execute()
}
