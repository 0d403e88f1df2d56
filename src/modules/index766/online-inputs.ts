import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import { scopeMembersOf } from './index-scope.js'

/**
 * 3.x as Decision 766 counts it: online dossiers of full-online procedures (trực tuyến toàn
 * trình) / dossiers of those procedures, received in the period in the unit's subtree. The
 * dashboard's online_rate also counts partly-online procedures; the index does not. Read from
 * the dossiers with their pinned procedure version — the rollups do not split by online level.
 * Several scopes (each a unit's subtree) in one query, grouped by scope.
 */
export async function fullOnlineInput(db: Kysely<Database>, scopeIds: readonly number[], start: Date, end: Date): Promise<Map<number, Fraction>> {
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin(scopeMembersOf(db, scopeIds).as('c'), 'c.descendant_id', 'd.receiving_unit_id')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .where('d.received_at', '>=', start)
    .where('d.received_at', '<', end)
    .where('pv.online_level', '=', 'full')
    .groupBy('c.ancestor_id')
    .select([
      'c.ancestor_id as scope_id',
      sql<number>`(count(*) filter (where d.channel = 'online'))::int`.as('online'),
      sql<number>`count(*)::int`.as('eligible'),
    ])
    .execute()
  const byScope = new Map(rows.map((row) => [Number(row.scope_id), { numerator: Number(row.online), denominator: Number(row.eligible) }]))
  return new Map(scopeIds.map((id) => [id, byScope.get(id) ?? { numerator: 0, denominator: 0 }]))
}
