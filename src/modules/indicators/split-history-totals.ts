import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { RollupTotals } from '../../domain/indicators/rollup-totals.js'
import { COUNTED_AT_DECIDER, DOSSIER_COUNTS, periodBounds, type DossierRowBuilder, type PeriodBounds } from './dossier-figures.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import type { Attribution } from './rollup.repository.js'
import { scopeMemberIds } from './scope-members.js'

const COUNTED_KEYS = Object.keys(DOSSIER_COUNTS) as (keyof typeof DOSSIER_COUNTS)[]

/**
 * The rollups count a unit's dossiers wherever its history goes, by unit (unit_heirs). A split
 * unit's dossiers that dossier_heirs sends to another successor than the first named (migration
 * 023) go elsewhere: this is what each scope gains (dossiers sent into it) less what it loses
 * (dossiers of its members sent away, unless their own unit is in its subtree), counted from
 * those dossiers by the conditions of dossier-figures.ts. They are few — the dossiers of split
 * units — so the sums stay exact at the cost of reading them. Nothing is read when no unit was split.
 * One map per period asked (a table's one, a series' buckets).
 */
export async function splitHistoryCorrections(db: Kysely<Database>, scopes: readonly IndicatorScope[], periods: readonly Period[], attribution: Attribution | undefined): Promise<Map<string, Partial<RollupTotals>>[]> {
  const any = await db.selectFrom('dossier_heirs').select('dossier_id').limit(1).executeTakeFirst()
  if (any === undefined) return periods.map(() => new Map())
  const result: Map<string, Partial<RollupTotals>>[] = []
  for (const period of periods) result.push(await periodCorrections(db, scopes, period, attribution))
  return result
}

async function periodCorrections(db: Kysely<Database>, scopes: readonly IndicatorScope[], period: Period, attribution: Attribution | undefined): Promise<Map<string, Partial<RollupTotals>>> {
  const result = new Map<string, Partial<RollupTotals>>()
  const bounds = periodBounds(period)
  for (const scope of scopes) {
    const own = scope.scope === 'own'
    const sums = async (column: 'd.receiving_unit_id' | 'd.deciding_unit_id') => {
      const ref = sql.ref(column)
      const members = scopeMemberIds(scope.unitId, own)
      const subtree = own ? sql`select ${scope.unitId}::integer` : sql`select c.descendant_id from unit_closure c where c.ancestor_id = ${scope.unitId}::integer`
      const sentIn = sql<boolean>`${ref} not in (${members}) and exists (select 1 from dossier_heirs dh where dh.dossier_id = d.id and dh.unit_id = ${ref} and dh.heir_id in (${members}))`
      const sentAway = sql<boolean>`${ref} in (${members}) and ${ref} not in (${subtree}) and exists (select 1 from dossier_heirs dh where dh.dossier_id = d.id and dh.unit_id = ${ref} and dh.heir_id not in (${members}))`
      const plus = await aggregate(db, sentIn, bounds)
      const minus = await aggregate(db, sentAway, bounds)
      return Object.fromEntries(Object.keys(plus).map((key) => [key, plus[key]! - minus[key]!])) as Record<keyof RollupTotals, number>
    }
    const byReceiver = await sums('d.receiving_unit_id')
    const byDecider = attribution === 'decider' ? await sums('d.deciding_unit_id') : byReceiver
    const correction: Partial<RollupTotals> = {}
    for (const key of Object.keys(byReceiver) as (keyof RollupTotals)[]) correction[key] = (COUNTED_AT_DECIDER.has(key) ? byDecider : byReceiver)[key]
    result.set(scope.key, correction)
  }
  return result
}

/** The rollups' sums over the dossiers of a split unit meeting a condition. */
async function aggregate(db: Kysely<Database>, where: RawBuilder<boolean>, bounds: PeriodBounds): Promise<Record<string, number>> {
  const row = (await db
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .where('d.id', 'in', (eb) => eb.selectFrom('dossier_heirs').select('dossier_id'))
    .where(where)
    .select((eb) => {
      const e = eb as unknown as DossierRowBuilder
      return [
        ...COUNTED_KEYS.map((key) => eb.fn.countAll<number>().filterWhere(DOSSIER_COUNTS[key](e, bounds)).as(key)),
        eb.fn.coalesce(eb.fn.sum<number>('d.ecert_copies').filterWhere(DOSSIER_COUNTS.received(e, bounds)), sql<number>`0`).as('ecertCopies'),
      ]
    })
    .executeTakeFirstOrThrow()) as Record<string, unknown>
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value ?? 0)]))
}
