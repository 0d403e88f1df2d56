import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { SignerPosition } from '../../domain/reports/signature-authority.js'

type Db = Kysely<Database> | Transaction<Database>

export interface UnitSigner {
  unitCode: string
  position: SignerPosition
  name: string
}

/** The name of whoever holds `position` in the unit, when one was recorded. */
export async function findSignerName(db: Db, unitCode: string, position: SignerPosition): Promise<string | undefined> {
  const row = await db
    .selectFrom('unit_signers')
    .innerJoin('units', 'units.id', 'unit_signers.unit_id')
    .select('unit_signers.name')
    .where('units.code', '=', unitCode)
    .where('unit_signers.position', '=', position)
    .executeTakeFirst()
  return row?.name
}

export async function listSigners(db: Db, unitCode: string): Promise<UnitSigner[]> {
  const rows = await db
    .selectFrom('unit_signers')
    .innerJoin('units', 'units.id', 'unit_signers.unit_id')
    .select(['units.code', 'unit_signers.position', 'unit_signers.name'])
    .where('units.code', '=', unitCode)
    .orderBy('unit_signers.position')
    .execute()
  return rows.map((r) => ({ unitCode: r.code, position: r.position as SignerPosition, name: r.name }))
}

/** Records (or replaces) who holds a position; the previous name, for the audit row. */
export async function saveSigner(db: Db, unitId: number, position: SignerPosition, name: string): Promise<string | null> {
  const before = await db.selectFrom('unit_signers').select('name').where('unit_id', '=', unitId).where('position', '=', position).executeTakeFirst()
  await db
    .insertInto('unit_signers')
    .values({ unit_id: unitId, position, name })
    .onConflict((oc) => oc.columns(['unit_id', 'position']).doUpdateSet({ name, updated_at: new Date() }))
    .execute()
  return before?.name ?? null
}
