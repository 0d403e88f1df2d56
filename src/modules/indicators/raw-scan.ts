import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { EMPTY_TOTALS, type RollupTotals } from '../../domain/indicators/rollup-totals.js'
import { COUNTED_AT_DECIDER, DOSSIER_COUNTS, periodBounds, type DossierRowBuilder } from './dossier-figures.js'
import type { IndicatorScope, Period } from './indicator-scope.js'
import type { ScopeTotals, TotalsOptions } from './rollup.repository.js'
import { heirOnDay } from './scope-members.js'

const COUNTED_KEYS = Object.keys(DOSSIER_COUNTS) as (keyof typeof DOSSIER_COUNTS)[]

/**
 * The same sums as `totalsForScopes`, computed straight from the dossier table with a plain
 * aggregate over the conditions of `dossier-figures.ts`. The product never calls it: it is the
 * baseline of the benchmark and the reference the property-based test holds the rollups to.
 */
export async function rawTotalsForScope(db: Kysely<Database>, scope: IndicatorScope, period: Period, options: TotalsOptions = {}): Promise<ScopeTotals> {
  // Straight from the units' links, not from unit_closure or unit_heirs: the tree below the
  // unit (none for its own dossiers), then every unit whose successors lead into it.
  const links = sql`
    with recursive tree (id) as (
      select ${scope.unitId}::integer
      ${scope.scope === 'own' ? sql`` : sql`union select u.id from units u join tree t on u.parent_id = t.id`}
    ),
    lineage (id) as (
      select id from tree
      union select u.id from units u join lineage l on u.successor_id = l.id
    )`
  const units = sql`${links} select id as unit_id from lineage`
  const tree = sql`${links} select id from tree`
  // A dossier of a split unit named in dossier_heirs goes where that successor's history goes
  // (and stays in its own unit's tree), not where its unit's does.
  const counted = (column: 'd.receiving_unit_id' | 'd.deciding_unit_id') => {
    const ref = sql.ref(column)
    return sql<boolean>`(${ref} in (${tree})
      or (${ref} in (${units}) and not exists (select 1 from dossier_heirs dh where dh.dossier_id = d.id and dh.unit_id = ${ref}))
      or exists (select 1 from dossier_heirs dh where dh.dossier_id = d.id and dh.unit_id = ${ref} and dh.heir_id in (${units})))`
  }
  const bounds = periodBounds(period)
  const start = sql`${bounds.start}::timestamptz`
  const end = sql`${bounds.end}::timestamptz`
  // One plain aggregate per unit column: each sum counts the dossiers that meet its condition of
  // DOSSIER_COUNTS, by the receiver — or, asked by the decider, the decided counts by the decider.
  const aggregate = async (column: 'd.receiving_unit_id' | 'd.deciding_unit_id') =>
    (await db
      .selectFrom('dossiers as d')
      .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
      .where(counted(column))
      .select((eb) => {
        const e = eb as unknown as DossierRowBuilder
        return [
          ...COUNTED_KEYS.map((key) => eb.fn.countAll<number>().filterWhere(DOSSIER_COUNTS[key](e, bounds)).as(key)),
          eb.fn.coalesce(eb.fn.sum<number>('d.ecert_copies').filterWhere(DOSSIER_COUNTS.received(e, bounds)), sql<number>`0`).as('ecertCopies'),
        ]
      })
      .executeTakeFirstOrThrow()) as Record<string, unknown>
  const byReceiver = await aggregate('d.receiving_unit_id')
  const byDecider = options.attribution === 'decider' ? await aggregate('d.deciding_unit_id') : byReceiver
  const totals = { ...EMPTY_TOTALS }
  for (const key of Object.keys(totals) as (keyof RollupTotals)[]) totals[key] = Number((COUNTED_AT_DECIDER.has(key) ? byDecider : byReceiver)[key] ?? 0)
  const communesWithCopies = async (from: ReturnType<typeof sql>) => {
    const ecert = await sql<{ n: number }>`
      select count(distinct w.heir_id)::int as n from (
        select d.receiving_unit_id from dossiers d join units u on u.id = d.receiving_unit_id
        where d.receiving_unit_id in (${units}) and u.kind = 'commune' and d.received_at >= ${from} and d.received_at < ${end}
        group by d.receiving_unit_id having sum(d.ecert_copies) > 0
      ) x cross join lateral (${heirOnDay(sql`x.receiving_unit_id`, options.treeDay ?? period.to)}) w
    `.execute(db)
    return Number(ecert.rows[0]?.n ?? 0)
  }
  const since = options.ecertSince ? sql`${periodBounds({ from: options.ecertSince, to: options.ecertSince }).start}::timestamptz` : sql`'-infinity'::timestamptz`
  return { totals, ecertUnits: await communesWithCopies(start), ecertUnitsToDate: await communesWithCopies(since) }
}
