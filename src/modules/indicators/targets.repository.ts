import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { IndicatorId } from '../../domain/indicators/indicator-id.js'
import type { Target } from '../../domain/indicators/target.js'

type Db = Kysely<Database> | Transaction<Database>

/** Every target of a year, with the unit code of unit-specific ones. */
export async function targetsOfYear(db: Db, year: number): Promise<Target[]> {
  const rows = await db
    .selectFrom('targets')
    .leftJoin('units', 'units.id', 'targets.unit_id')
    .select(['targets.indicator', 'targets.year', 'targets.unit_kind', 'units.code as unit_code', 'targets.scope', 'targets.minimum', 'targets.decided_by'])
    .where('targets.year', '=', year)
    .execute()
  return rows.map((r) => ({
    indicator: r.indicator as IndicatorId,
    year: r.year,
    unitKind: r.unit_kind,
    unitCode: r.unit_code,
    scope: r.scope as 'own' | 'subtree',
    minimum: Number(r.minimum),
    decidedBy: r.decided_by,
  }))
}

/** The target that applies to a unit's row: its own target first, then its kind's. */
export function targetFor(targets: readonly Target[], indicator: IndicatorId, unit: { code: string; kind: string }, scope: 'own' | 'subtree'): Target | undefined {
  const matching = targets.filter((t) => t.indicator === indicator && t.scope === scope)
  return matching.find((t) => t.unitCode === unit.code) ?? matching.find((t) => t.unitCode === null && t.unitKind === unit.kind)
}

export type TargetSaved = 'inserted' | 'updated' | 'unchanged'

/** Adds or replaces a target (by indicator, year, unit or kind, and scope); says which it did. */
export async function saveTarget(db: Db, target: Target): Promise<TargetSaved> {
  const unitId = target.unitCode
    ? (await db.selectFrom('units').select('id').where('code', '=', target.unitCode).executeTakeFirstOrThrow()).id
    : null
  let existing = db.selectFrom('targets').select(['id', 'minimum', 'decided_by']).where('indicator', '=', target.indicator).where('year', '=', target.year).where('scope', '=', target.scope)
  existing = unitId === null ? existing.where('unit_kind', '=', target.unitKind) : existing.where('unit_id', '=', unitId)
  const found = await existing.executeTakeFirst()
  if (found) {
    if (Number(found.minimum) === target.minimum && found.decided_by === target.decidedBy) return 'unchanged'
    await db.updateTable('targets').set({ minimum: target.minimum, decided_by: target.decidedBy }).where('id', '=', found.id).execute()
    return 'updated'
  }
  await db
    .insertInto('targets')
    .values({ indicator: target.indicator, year: target.year, unit_kind: unitId === null ? target.unitKind : null, unit_id: unitId, scope: target.scope, minimum: target.minimum, decided_by: target.decidedBy })
    .execute()
  return 'inserted'
}
