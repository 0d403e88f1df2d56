import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import { scopeMembersOf } from './index-scope.js'

/**
 * 4.2 as Decision 766 counts it: a dossier is digitized when its components and its result carry
 * files. Over the dossiers received in the period with components (as the dashboard's
 * dossier_digitization_rate): every component scanned and, once the result exists (finished or
 * returned), the result scanned too. An open dossier has no result yet to scan.
 * Several scopes (each a unit's subtree) in one query, grouped by scope.
 */
export async function digitizationInput(db: Kysely<Database>, scopeIds: readonly number[], start: Date, end: Date): Promise<Map<number, Fraction>> {
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin(scopeMembersOf(db, scopeIds).as('c'), 'c.descendant_id', 'd.receiving_unit_id')
    .where('d.received_at', '>=', start)
    .where('d.received_at', '<', end)
    .where('d.components_total', '>', 0)
    .groupBy('c.ancestor_id')
    .select([
      'c.ancestor_id as scope_id',
      sql<number>`(count(*) filter (where d.components_digitized >= d.components_total and (d.result_digitized or d.status not in ('finished', 'returned'))))::int`.as('digitized'),
      sql<number>`count(*)::int`.as('eligible'),
    ])
    .execute()
  const byScope = new Map(rows.map((row) => [Number(row.scope_id), { numerator: Number(row.digitized), denominator: Number(row.eligible) }]))
  return new Map(scopeIds.map((id) => [id, byScope.get(id) ?? { numerator: 0, denominator: 0 }]))
}
