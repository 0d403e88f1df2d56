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
  await rebuildUnitHeirs(db)
}

/** Rebuilds unit_heirs from the successor links (each unit, then its successor, its successor's…). */
export async function rebuildUnitHeirs(db: Db): Promise<void> {
  await db.deleteFrom('unit_heirs').execute()
  await sql`
    insert into unit_heirs (unit_id, heir_id, depth)
    with recursive chain (unit_id, heir_id, depth) as (
      select id, id, 0 from units
      union all
      select chain.unit_id, units.successor_id, chain.depth + 1
      from chain join units on units.id = chain.heir_id
      where units.successor_id is not null and chain.depth < 64
    )
    select unit_id, heir_id, min(depth) from chain group by unit_id, heir_id
  `.execute(db)
  // The per-ancestor rollups follow the new tree (migration 029): only the pairs that changed move.
  await sql`select rollup_subtree_refresh()`.execute(db)
}

/**
 * The unit, every unit below it, and every unit these succeeded (transitively): a successor
 * takes over the records of the units it replaced, so its officers see and finish them.
 */
export async function subtreeUnitIds(db: Db, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('unit_closure as c')
    .innerJoin('unit_heirs as h', 'h.heir_id', 'c.descendant_id')
    .select('h.unit_id')
    .distinct()
    .where('c.ancestor_id', '=', unitId)
    .execute()
  return rows.map((r) => r.unit_id)
}

export async function subtreeOf(db: Db, unitId: number): Promise<Set<number>> {
  return new Set(await subtreeUnitIds(db, unitId))
}

export interface UnitAsOf {
  id: number
  code: string
  name: string
  kind: string
  parent_code: string | null
  valid_from: string | null
  valid_to: string | null
}

/**
 * The unit tree as it stood on a day: the units existing that day (valid_from ≤ day ≤ valid_to),
 * each under its parent of that day — the nearest unit above it that existed then, or the heir of
 * that day of the nearest one that did not (a commune whose district was dissolved on 1/7/2025
 * stands under the province). The one tree the pickers, rankings, lists and reports draw on.
 */
export async function unitTreeAsOf(db: Db, day: string, unitIds?: ReadonlySet<number>): Promise<UnitAsOf[]> {
  if (unitIds !== undefined && unitIds.size === 0) return []
  const rows = await sql<UnitAsOf>`
    select u.id, u.code, u.name, u.kind, u.valid_from, u.valid_to, p.code as parent_code
    from units u
    left join units p on p.id = (${parentAsOf(day)})
    where ${validOn(sql`u`, day)} ${unitIds === undefined ? sql`` : sql`and u.id in (${sql.join([...unitIds])})`}
    order by u.code`.execute(db)
  return rows.rows
}

/**
 * The units directly under a unit in the tree of that day (see unitTreeAsOf). A unit that did
 * not exist yet lists those of the units of its kind it succeeded that did: Hải Phòng's 2022 is Hải Dương's
 * districts (their own dossiers then also count in its own row, which holds its predecessors').
 */
export async function childrenAsOf(db: Db, unitId: number, day: string): Promise<UnitRow[]> {
  // Only units below the unit or one of the units it succeeded can stand under it on any day
  // (their parent of the day is the heir of one of their stored ancestors; heirs are transitive),
  // so the parent of the day is found for those few, all in one pass (parentAsOf, set-wise).
  const rows = await sql<UnitRow>`
    with parents as (
      select distinct on (c.descendant_id) c.descendant_id as unit_id, a.id as parent_id
      from unit_closure c
      join unit_heirs h on h.unit_id = c.ancestor_id
      join units a on a.id = h.heir_id
      where c.depth >= 1 and ${validOn(sql`a`, day)} and c.descendant_id in (
        select d.descendant_id from unit_heirs p join unit_closure d on d.ancestor_id = p.unit_id and d.depth >= 1
        where p.heir_id = ${unitId}::integer)
      order by c.descendant_id, c.depth, h.depth
    )
    select u.* from units u join parents on parents.unit_id = u.id
    where ${validOn(sql`u`, day)} and parents.parent_id in (
      select ${unitId}::integer
      union
      select h.unit_id from unit_heirs h join units p on p.id = h.unit_id
      where h.heir_id = ${unitId}::integer and h.depth > 0 and ${validOn(sql`p`, day)}
        and p.kind = (select kind from units where id = ${unitId}::integer)
        and not exists (select 1 from units x where x.id = ${unitId}::integer and ${validOn(sql`x`, day)})
    )`.execute(db)
  return rows.rows
}

/** The id of unit u's parent on that day: up the stored tree, the first ancestor (or its heir) existing then. */
function parentAsOf(day: string) {
  return sql`
    select a.id from unit_closure c
    join unit_heirs h on h.unit_id = c.ancestor_id
    join units a on a.id = h.heir_id
    where c.descendant_id = u.id and c.depth >= 1 and ${validOn(sql`a`, day)}
    order by c.depth, h.depth limit 1`
}

function validOn(alias: ReturnType<typeof sql>, day: string) {
  return sql`(${alias}.valid_from is null or ${alias}.valid_from <= ${day}::date) and (${alias}.valid_to is null or ${alias}.valid_to >= ${day}::date)`
}
