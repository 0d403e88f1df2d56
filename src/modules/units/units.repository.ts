import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, UnitRow } from '../../db/schema.js'

type Db = Kysely<Database> | Transaction<Database>

export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('code').execute()
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst()
}

/** Rebuilds the closure table from the parent links: set-wise, in the caller's transaction. */
export async function rebuildUnitClosure(db: Db): Promise<void> {
  await db.deleteFrom('unit_closure').execute()
  await sql`
    insert into unit_closure (ancestor_id, descendant_id, depth)
    with recursive tree (ancestor_id, descendant_id, depth) as (
      select id, id, 0 from units
      union all
      select tree.ancestor_id, units.id, tree.depth + 1
      from tree join units on units.parent_id = tree.descendant_id
    )
    select ancestor_id, descendant_id, depth from tree
  `.execute(db)
}

/** The unit and every unit below it. */
export async function subtreeUnitIds(db: Db, unitId: number): Promise<number[]> {
  const rows = await db.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', unitId).execute()
  return rows.map((r) => r.descendant_id)
}
