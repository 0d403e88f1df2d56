import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, UnitRow } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

type Db = Kysely<Database> | Transaction<Database>

export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().orderBy('code').execute()
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst()
}

/** The unit of a code, or "no such unit" (404) in Vietnamese. */
export async function getUnitByCode(db: Db, code: string): Promise<UnitRow> {
  const unit = await findUnitByCode(db, code)
  if (!unit) throw new AppError(ErrorCode.notFound, `unknown unit ${code}`, `Không có đơn vị với mã ${code}`)
  return unit
}

export async function getUnitById(db: Db, id: number): Promise<UnitRow> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** A root unit (the province) has no parent: data the whole tree shares is changed from there. */
export async function isRootUnit(db: Db, unitId: number): Promise<boolean> {
  const unit = await db.selectFrom('units').select('parent_id').where('id', '=', unitId).executeTakeFirst()
  return unit !== undefined && unit.parent_id === null
}

/** The units of these ids as the unit pickers list them: code, name, kind, parent's code, validity. */
export async function listUnitsWithParent(db: Db, unitIds: ReadonlySet<number>) {
  if (unitIds.size === 0) return []
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select(['u.code', 'u.name', 'u.kind', 'p.code as parent_code', 'u.valid_from', 'u.valid_to'])
    .where('u.id', 'in', [...unitIds])
    .orderBy('u.code')
    .execute()
}

/** The codes of these units (to filter answers down to what a caller may see). */
export async function unitCodesOf(db: Db, unitIds: ReadonlySet<number>): Promise<Set<string>> {
  if (unitIds.size === 0) return new Set()
  return new Set((await db.selectFrom('units').select('code').where('id', 'in', [...unitIds]).execute()).map((u) => u.code))
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

export async function subtreeOf(db: Db, unitId: number): Promise<Set<number>> {
  return new Set(await subtreeUnitIds(db, unitId))
}
