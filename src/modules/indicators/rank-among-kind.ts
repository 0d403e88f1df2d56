import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeIndicators } from '../../domain/indicators/compute-indicators.js'
import type { IndicatorId } from '../../domain/indicators/indicator-id.js'
import { checkPeriod } from '../../domain/indicators/period.js'
import { rankByValue } from '../../domain/indicators/ranking.js'
import { totalsForScopes } from './rollup.repository.js'
import { getUnitByCode } from '../units/units.repository.js'

export interface KindRanking {
  unit_code: string
  indicator: IndicatorId
  value: number | null
  /** "10th of 12 districts": its place among all units of its kind under the same top unit. */
  rank: number | null
  of: number
  kind: string
  within: { code: string; name: string }
  ranking: { unit_code: string; unit_name: string; value: number | null; rank: number | null }[]
}

/** Ranks a unit among every unit of its kind in its province (the root of its tree). */
export async function rankAmongKind(db: Kysely<Database>, request: { unitCode: string; indicator: IndicatorId; from?: string; to?: string }): Promise<KindRanking> {
  const period = checkPeriod(request.from, request.to)
  const unit = await getUnitByCode(db, request.unitCode)
  const root = await db
    .selectFrom('unit_closure')
    .innerJoin('units', 'units.id', 'unit_closure.ancestor_id')
    .select(['units.id', 'units.code', 'units.name'])
    .where('unit_closure.descendant_id', '=', unit.id)
    .orderBy('unit_closure.depth', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  const peers = await db
    .selectFrom('units')
    .select(['id', 'code', 'name'])
    .where('kind', '=', unit.kind)
    .where('id', 'in', sql<number>`(select descendant_id from unit_closure where ancestor_id = ${root.id})`)
    .execute()
  const totals = await totalsForScopes(db, peers.map((p) => ({ key: p.code, unitId: p.id, scope: 'subtree' as const })), period)
  const values = peers.map((p) => {
    const t = totals.get(p.code)!
    return { unit_code: p.code, unit_name: p.name, value: computeIndicators(t.totals, t.ecertUnits, t.ecertUnitsToDate)[request.indicator]?.value ?? null }
  })
  const ranked = rankByValue(values, (v) => v.value, (a, b) => a.unit_code.localeCompare(b.unit_code))
  const mine = ranked.find((r) => r.item.unit_code === unit.code)!
  return {
    unit_code: unit.code,
    indicator: request.indicator,
    value: mine.value,
    rank: mine.rank,
    of: peers.length,
    kind: unit.kind,
    within: { code: root.code, name: root.name },
    ranking: ranked.map((r) => ({ ...r.item, rank: r.rank })),
  }
}
