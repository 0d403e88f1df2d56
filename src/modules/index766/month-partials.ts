import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import { addDays } from '../../domain/time/local-date.js'
import { startOfVietnamDay, toVietnamDate } from '../../domain/time/vietnam-time.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { monthAligned } from './history-partials.js'
import { oneComputationAtATime, staleCells, stampCells, unitCounters, unitsFeeding, type Cell } from './partials-freshness.js'
import { dossierScopes, dossierShare, placementScopesJoin, type DossierUnitColumn } from './scope-dossiers.js'
import { windowsSpan } from './time-windows.js'
import type { Counts } from './dossier-flag-inputs.js'

/*
 * The received- and finished-based Decision 766 counts (1.4, 3.x, 4.1, 4.2, 4.3, 4.4, 4.5b) from
 * partial results kept per unit, successor and month (migration 033): a month, quarter or year
 * is the sum of its months' rows. Exactly the conditions of dossier-flag-inputs.ts,
 * online-inputs.ts and digitization-inputs.ts, each counted in the month its dossier was
 * received (or finished, for 4.1). Stale or missing (unit, month) cells are computed again first
 * (partials-freshness.ts); no calendar is read, so none is fingerprinted.
 */

const KIND = 'month'

/** The counts of one (window, scope): the flags' (dossier-flag-inputs) and the online and digitization counts. */
export interface MonthCounts extends Counts {
  w: number
  online_eligible: number
  online: number
  digitization_eligible: number
  digitized: number
}

const COUNTS = [
  'synced_known', 'synced', 'reused_known', 'reused', 'linked_known', 'linked', 'population_known', 'population',
  'online_eligible', 'online', 'digitization_eligible', 'digitized', 'paper_known', 'paper_eresult_known', 'eresult',
] as const

/** The first instant of the month after the one starting at `month`. */
export const nextMonth = (month: Date) => startOfVietnamDay(`${addDays(`${toVietnamDate(month).slice(0, 7)}-28`, 7).slice(0, 7)}-01`)

/** The first instant of each month from the one `start` lies in to the one before `end`. */
export function monthsBetween(start: Date, end: Date): Date[] {
  const months: Date[] = []
  for (let month = startOfVietnamDay(`${toVietnamDate(start).slice(0, 7)}-01`); month < end; month = nextMonth(month)) months.push(month)
  return months
}

/** The first instant of the Vietnamese month an instant lies in, in SQL. */
export const monthStartSql = (instant: RawBuilder<unknown>) => sql`((date_trunc('month', (${instant} at time zone 'UTC') + interval '7 hours') - interval '7 hours') at time zone 'UTC')`
const count = (condition: RawBuilder<unknown>) => sql`(count(*) filter (where ${condition}))::int`

/** Computes and stamps the rows of the units in the months, in the transaction `trx`. */
async function computeCells(trx: Kysely<Database>, unitColumn: DossierUnitColumn, units: readonly number[], months: readonly Date[]): Promise<void> {
  const lo = months.reduce((a, m) => (m < a ? m : a), months[0]!)
  const last = months.reduce((a, m) => (m > a ? m : a), months[0]!)
  const hi = nextMonth(last)
  const monthTexts = months.map((m) => m.toISOString())
  await sql`delete from index766_month_partials where unit_column = ${unitColumn} and unit_id = any(${units}::int[]) and month = any(${monthTexts}::timestamptz[])`.execute(trx)
  const share = dossierShare({ scopeIds: [], splitShares: true }, unitColumn)
  const ended = sql`d.status in ('finished', 'returned')`
  await sql`
    with ${unitCounters(units)},
    d as (
      select d.*, ${sql.ref(`d.${unitColumn}`)} as placed_unit_id, coalesce(${share.heirId}, 0) as heir_id, pv.online_level
      from dossiers d
      join procedure_versions pv on pv.id = d.procedure_version_id
      ${share.join}
      where ${sql.ref(`d.${unitColumn}`)} = any(${units}::int[])
        and ((d.received_at >= ${lo} and d.received_at < ${hi}) or (d.finished_at >= ${lo} and d.finished_at < ${hi}))
    ),
    received as (
      select placed_unit_id as unit_id, heir_id, ${monthStartSql(sql`d.received_at`)} as month,
        ${count(sql`d.synced_national is not null`)} as synced_known, ${count(sql`d.synced_national`)} as synced,
        ${count(sql`d.reused_data is not null`)} as reused_known, ${count(sql`d.reused_data`)} as reused,
        ${count(sql`d.linked_data_store is not null`)} as linked_known, ${count(sql`d.linked_data_store`)} as linked,
        ${count(sql`d.population_data_used is not null`)} as population_known, ${count(sql`d.population_data_used`)} as population,
        ${count(sql`d.online_level = 'full'`)} as online_eligible, ${count(sql`d.online_level = 'full' and d.channel = 'online'`)} as online,
        ${count(sql`d.components_total > 0`)} as digitization_eligible,
        ${count(sql`d.components_total > 0 and d.components_digitized >= d.components_total and (d.result_digitized or d.status not in ('finished', 'returned'))`)} as digitized,
        0 as paper_known, 0 as paper_eresult_known, 0 as eresult
      from d where d.received_at >= ${lo} and d.received_at < ${hi}
      group by 1, 2, 3
    ),
    finished as (
      select placed_unit_id as unit_id, heir_id, ${monthStartSql(sql`d.finished_at`)} as month,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ${count(sql`d.result_on_paper = false or (d.result_on_paper and d.e_result_issued is not null)`)},
        ${count(sql`d.result_on_paper and d.e_result_issued is not null`)},
        ${count(sql`d.result_on_paper and d.e_result_issued`)}
      from d where d.finished_at >= ${lo} and d.finished_at < ${hi} and ${ended}
      group by 1, 2, 3
    ),
    counted as (
      select unit_id, heir_id, month, ${sql.join(COUNTS.map((c) => sql`sum(${sql.ref(c)})::int as ${sql.ref(c)}`))}
      from (select * from received union all select * from finished) x
      where month = any(${monthTexts}::timestamptz[])
      group by unit_id, heir_id, month
    ),
    kept as (
      insert into index766_month_partials (unit_column, unit_id, heir_id, month, ${sql.join(COUNTS.map((c) => sql.ref(c)))})
      select ${unitColumn}, unit_id, heir_id, month, ${sql.join(COUNTS.map((c) => sql.ref(c)))} from counted
    )
    ${stampCells(KIND, unitColumn, units, months, months.map(() => ''))}
  `.execute(trx)
}

/** Brings the (unit, month) cells up to date: the stale ones computed again in one statement. */
async function refreshCells(db: Kysely<Database>, unitColumn: DossierUnitColumn, units: readonly number[], months: readonly Date[]): Promise<void> {
  const keys = months.map(() => '')
  if ((await staleCells(db, KIND, unitColumn, units, months, keys)).length === 0) return
  await oneComputationAtATime(db, async (trx) => {
    const stale: Cell[] = await staleCells(trx, KIND, unitColumn, units, months, keys)
    if (stale.length === 0) return
    const staleUnits = [...new Set(stale.map((c) => c.unit_id))].sort((a, b) => a - b)
    const staleMonths = [...new Map(stale.map((c) => [c.period_end.getTime(), c.period_end])).values()]
    await computeCells(trx, unitColumn, staleUnits, staleMonths)
  })
}

/**
 * The counts per (window, scope), the dossiers placed by `unitColumn`, from the kept rows (the
 * stale ones computed first); null when a window is not a month, a quarter or a year.
 */
export async function monthCountsFromPartials(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[], unitColumn: DossierUnitColumn): Promise<MonthCounts[] | null> {
  if (!monthAligned(windows)) return null
  if (scopeIds.length === 0 || windows.length === 0) return []
  const scopes = await dossierScopes(db, scopeIds)
  const units = await unitsFeeding(db, scopes)
  if (units.length === 0) return []
  const span = windowsSpan(windows)
  const months = monthsBetween(span.start, span.end)
  await refreshCells(db, unitColumn, units, months)
  const win = sql.join(windows.map((w, i) => sql`(${i}::int, ${w.start}::timestamptz, ${w.end}::timestamptz)`))
  const { rows } = await sql<MonthCounts>`
    with win (w, s, e) as (values ${win})
    select w.w, scope.scope_id, ${sql.join(COUNTS.map((c) => sql`sum(p.${sql.ref(c)})::int as ${sql.ref(c)}`))}
    from index766_month_partials p
    join win w on p.month >= w.s and p.month < w.e
    ${placementScopesJoin(scopes, sql`p.unit_id`, sql`nullif(p.heir_id, 0)`)}
    where p.unit_column = ${unitColumn} and p.unit_id = any(${units}::int[]) and p.month >= ${span.start} and p.month < ${span.end}
    group by w.w, scope.scope_id`.execute(db)
  return rows
}
