import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeIndicators } from '../../domain/indicators/compute-indicators.js'
import type { IndicatorId } from '../../domain/indicators/indicator-id.js'
import { checkPeriod } from '../../domain/indicators/period.js'
import { rankByValue } from '../../domain/indicators/ranking.js'
import { totalsForScopes } from './rollup.repository.js'
import { getUnitByCode } from '../units/units.repository.js'
import { treeDayOfRequest } from './get-indicators.js'
import { scopeMemberIds } from './scope-members.js'
import type { TreeBasis } from '../../domain/units/unit-validity.js'

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
export async function rankAmongKind(db: Kysely<Database>, request: { unitCode: string; indicator: IndicatorId; from?: string; to?: string; tree?: TreeBasis | undefined; treeDay?: string | undefined }): Promise<KindRanking> {
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
  // The peers existing on the tree's day (the period's last day, or today): a ranking of 2026
  // lists no dissolved unit, one of 2022 the communes of 2022, also those of a province merged since.
  const day = treeDayOfRequest(request, period)
  const peers = await db
    .selectFrom('units as u')
    .select(['u.id', 'u.code', 'u.name'])
    .where('u.kind', '=', unit.kind)
    .where('u.id', 'in', sql<number>`(${scopeMemberIds(root.id, false)})`)
    .where((eb) => eb.and([eb.or([eb('u.valid_from', 'is', null), eb('u.valid_from', '<=', day)]), eb.or([eb('u.valid_to', 'is', null), eb('u.valid_to', '>=', day)])]))
    .execute()
  const totals = await totalsForScopes(db, peers.map((p) => ({ key: p.code, unitId: p.id, scope: 'subtree' as const })), period)
  const values = peers.map((p) => {
    const t = totals.get(p.code)!
    return { unit_code: p.code, unit_name: p.name, value: computeIndicators(t.totals, t.ecertUnits, t.ecertUnitsToDate)[request.indicator]?.value ?? null }
  })
  const ranked = rankByValue(values, (v) => v.value, (a, b) => a.unit_code.localeCompare(b.unit_code))
  // A unit not in that day's tree (dissolved, or not yet formed) has its figure but no place.
  const mine = ranked.find((r) => r.item.unit_code === unit.code)
  const alone = mine ? undefined : (await totalsForScopes(db, [{ key: 'u', unitId: unit.id, scope: 'subtree' }], period)).get('u')!
  const own = mine ?? { value: alone ? computeIndicators(alone.totals, alone.ecertUnits, alone.ecertUnitsToDate)[request.indicator]?.value ?? null : null, rank: null }
  return {
    unit_code: unit.code,
    indicator: request.indicator,
    value: own.value,
    rank: own.rank,
    of: peers.length,
    kind: unit.kind,
    within: { code: root.code, name: root.name },
    ranking: ranked.map((r) => ({ ...r.item, rank: r.rank })),
  }
}
