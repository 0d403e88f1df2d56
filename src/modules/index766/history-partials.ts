import { createHash } from 'node:crypto'
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { addDays } from '../../domain/time/local-date.js'
import { startOfVietnamDay, toVietnamDate } from '../../domain/time/vietnam-time.js'
import type { Attribution } from '../indicators/rollup.repository.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { judgedDossiersSql, YEARS_BEFORE, type HistoryCounts } from './dossier-history-sql.js'
import { processingUnitColumn, scopeMembersSql } from './index-scope.js'
import { dossierScopes, dossierShare, placementScopesJoin, type DossierScopes } from './scope-dossiers.js'

/*
 * 2.1, 2.2 and 5.4 from partial results kept between questions (migration 032): for each
 * processing unit and month end, what the judgement at that end counts of the unit's dossiers, by
 * the successor a split named them to and by the month they finished in ("infinity": not by then).
 * A period (a month, a quarter or a year: it starts on the first of a month of its end's year)
 * is then, for each unit, the rows of its end whose finishing month is not before its start —
 * exactly the dossiers the judgement takes (received by the end, not finished before the start).
 * Rows are (re)computed for the (unit, end) cells a question needs that are missing or stale —
 * a unit whose dossiers, events or complaints changed since, any change of the tree, the splits
 * or the time limits, or another working calendar — by the same SQL as the direct judgement, in
 * one statement that also stamps them, under a lock so two computations never interleave.
 */

const KIND = 'history'

/** Whether every window is a month, quarter or year: starts and ends on the first of a month, within one year. */
export function monthAligned(windows: readonly TimeWindow[]): boolean {
  return windows.every(({ start, end }) => {
    const from = toVietnamDate(start)
    const lastDay = addDays(toVietnamDate(end), -1)
    return (
      start.getTime() === startOfVietnamDay(from).getTime() &&
      end.getTime() === startOfVietnamDay(toVietnamDate(end)).getTime() &&
      from.endsWith('-01') &&
      toVietnamDate(end).endsWith('-01') &&
      from.slice(0, 4) === lastDay.slice(0, 4) &&
      from <= lastDay
    )
  })
}

/** The first instant of the year a period ending at `end` lies in: the earliest start it can have. */
const yearStartOf = (end: Date) => startOfVietnamDay(`${addDays(toVietnamDate(end), -1).slice(0, 4)}-01-01`)

/**
 * The fingerprint of the calendar stretch a judgement at `end` reads: from YEARS_BEFORE years
 * before its year up to the day after it (judgedDossiersSql) — a row computed with another
 * calendar there is not used.
 */
export function calendarKeyAt(calendar: WorkingCalendar, end: Date): string {
  const from = `${Number(addDays(toVietnamDate(end), -1).slice(0, 4)) - YEARS_BEFORE}-01-01`
  const through = addDays(toVietnamDate(end), 1)
  const hash = createHash('sha256')
  let bits = ''
  for (let day = from; day <= through; day = addDays(day, 1)) bits += calendar.isWorkingDay(day) ? '1' : '0'
  hash.update(`${from}:${bits}`)
  return hash.digest('base64url')
}

/** The processing units whose dossiers may count in the scopes: their members and, when a split concerns them, the split units. */
async function unitsFeeding(db: Kysely<Database>, scopes: DossierScopes): Promise<number[]> {
  const members = scopeMembersSql(scopes.scopeIds)
  const { rows } = await sql<{ unit_id: number }>`
    select m.descendant_id as unit_id from ${members} m
    ${scopes.splitShares ? sql`union select dh.unit_id from dossier_heirs dh where dh.heir_id in (select m.descendant_id from ${members} m)` : sql``}`.execute(db)
  return rows.map((row) => Number(row.unit_id)).sort((a, b) => a - b)
}

/** Each unit's change counter and every unit's (unit 0), summed over the shards. */
const versions = (units: readonly number[]) =>
  sql`v as (select unit_id, sum(version)::bigint as version from index766_unit_changes where unit_id = any(${[0, ...units]}::int[]) group by unit_id)`

interface Cell {
  unit_id: number
  period_end: Date
}

/** The (unit, end) cells without rows computed at the units' current counters and this calendar. */
async function staleCells(db: Kysely<Database>, attribution: Attribution, units: readonly number[], ends: readonly Date[], keys: readonly string[]): Promise<Cell[]> {
  const { rows } = await sql<Cell>`
    with ${versions(units)}
    select u.unit_id, e.period_end
    from unnest(${units}::int[]) as u(unit_id)
    cross join unnest(${ends.map((e) => e.toISOString())}::timestamptz[], ${keys}::text[]) as e(period_end, calendar_key)
    where not exists (
      select 1 from index766_partials_fresh f
      where f.kind = ${KIND} and f.attribution = ${attribution} and f.unit_id = u.unit_id and f.period_end = e.period_end
        and f.calendar_key = e.calendar_key
        and f.unit_version = coalesce((select version from v where v.unit_id = u.unit_id), 0)
        and f.all_version = coalesce((select version from v where v.unit_id = 0), 0))`.execute(db)
  return rows.map((row) => ({ unit_id: Number(row.unit_id), period_end: new Date(row.period_end) }))
}

/** The start of the Vietnamese month an instant lies in. */
const monthStart = (instant: RawBuilder<unknown>) => sql`((date_trunc('month', (${instant} at time zone 'UTC') + interval '7 hours') - interval '7 hours') at time zone 'UTC')`

/** Computes and stamps the rows of the units at the ends (all of one year), in the transaction `trx`. */
async function computeCells(trx: Kysely<Database>, calendar: WorkingCalendar, attribution: Attribution, units: readonly number[], ends: readonly Date[]): Promise<void> {
  const unitColumn = processingUnitColumn(attribution)
  const endTexts = ends.map((e) => e.toISOString())
  await sql`delete from index766_history_partials where attribution = ${attribution} and unit_id = any(${units}::int[]) and period_end = any(${endTexts}::timestamptz[])`.execute(trx)
  // Each end judged over the dossiers not finished before its year began: every period ending there.
  const windows = ends.map((end) => ({ start: yearStartOf(end), end }))
  const judged = judgedDossiersSql(calendar, windows, unitColumn, dossierShare({ scopeIds: [], splitShares: true }, unitColumn), sql<boolean>`${sql.ref(`d.${unitColumn}`)} = any(${units}::int[])`)
  await sql`
    ${judged},
    ${versions(units)},
    counted as (
      select d.e as period_end, d.receiving_unit_id as unit_id, coalesce(d.share_heir_id, 0) as heir_id,
        case when d.finished_at < d.e then ${monthStart(sql`d.finished_at`)} else 'infinity'::timestamptz end as finished_month,
        count(*)::int as dossiers,
        (count(*) filter (where d.on_time))::int as on_time,
        (count(*) filter (where d.has_result))::int as finished,
        coalesce(sum(d.days), 0)::int as processing_days,
        (count(*) filter (where d.on_time and d.rating is distinct from 'dissatisfied' and not coalesce(c.first_at < d.e, false)))::int as satisfied,
        bool_or(d.before_calendar) as before_calendar
      from verdicts d
      left join complaints c on c.id = d.id
      group by 1, 2, 3, 4
    ),
    kept as (
      insert into index766_history_partials (attribution, unit_id, heir_id, period_end, finished_month, dossiers, on_time, finished, processing_days, satisfied, before_calendar)
      select ${attribution}, unit_id, heir_id, period_end, finished_month, dossiers, on_time, finished, processing_days, satisfied, before_calendar from counted
    )
    insert into index766_partials_fresh as f (kind, attribution, unit_id, period_end, unit_version, all_version, calendar_key)
    select ${KIND}, ${attribution}, u.unit_id, e.period_end,
      coalesce((select version from v where v.unit_id = u.unit_id), 0), coalesce((select version from v where v.unit_id = 0), 0), e.calendar_key
    from unnest(${units}::int[]) as u(unit_id)
    cross join unnest(${endTexts}::timestamptz[], ${ends.map((e) => calendarKeyAt(calendar, e))}::text[]) as e(period_end, calendar_key)
    on conflict (kind, attribution, unit_id, period_end) do update
      set unit_version = excluded.unit_version, all_version = excluded.all_version, calendar_key = excluded.calendar_key
  `.execute(trx)
}

/** Brings the cells the question needs up to date: the stale ones computed again, one statement per year of ends. */
async function refreshCells(db: Kysely<Database>, calendar: WorkingCalendar, attribution: Attribution, units: readonly number[], ends: readonly Date[], keys: readonly string[]): Promise<void> {
  if ((await staleCells(db, attribution, units, ends, keys)).length === 0) return
  await db.transaction().execute(async (trx) => {
    // One computation at a time; what another finished while this one waited is not done again.
    await sql`select pg_advisory_xact_lock(766032)`.execute(trx)
    const stale = await staleCells(trx, attribution, units, ends, keys)
    const byYear = new Map<number, Cell[]>()
    for (const cell of stale) {
      const year = yearStartOf(cell.period_end).getTime()
      byYear.set(year, [...(byYear.get(year) ?? []), cell])
    }
    for (const cells of byYear.values()) {
      const staleUnits = [...new Set(cells.map((c) => c.unit_id))].sort((a, b) => a - b)
      const staleEnds = [...new Map(cells.map((c) => [c.period_end.getTime(), c.period_end])).values()]
      await computeCells(trx, calendar, attribution, staleUnits, staleEnds)
    }
  })
}

/**
 * The counts per (window, scope) from the kept rows, computing the missing or stale ones first;
 * null when the windows are not months, quarters or years, or a day needed lies before the
 * calendar stretch (the direct judgement, or the JavaScript reference, answers then).
 */
export async function historyCountsFromPartials(
  db: Kysely<Database>,
  calendar: WorkingCalendar,
  scopeIds: readonly number[],
  windows: readonly TimeWindow[],
  attribution: Attribution | undefined,
): Promise<HistoryCounts[] | null> {
  if (!monthAligned(windows)) return null
  if (scopeIds.length === 0 || windows.length === 0) return []
  const by: Attribution = attribution ?? 'receiver'
  const scopes = await dossierScopes(db, scopeIds)
  const units = await unitsFeeding(db, scopes)
  if (units.length === 0) return []
  const ends = [...new Map(windows.map((w) => [w.end.getTime(), w.end])).values()]
  await refreshCells(db, calendar, by, units, ends, ends.map((e) => calendarKeyAt(calendar, e)))
  const win = sql.join(windows.map((w, i) => sql`(${i}::int, ${w.start}::timestamptz, ${w.end}::timestamptz)`))
  const { rows } = await sql<HistoryCounts>`
    with win (w, s, e) as (values ${win})
    select w.w, scope.scope_id, sum(p.dossiers)::int as dossiers, sum(p.on_time)::int as on_time, sum(p.finished)::int as finished,
      sum(p.processing_days)::int as processing_days, sum(p.satisfied)::int as satisfied, bool_or(p.before_calendar) as before_calendar
    from index766_history_partials p
    join win w on p.period_end = w.e and p.finished_month >= w.s
    ${placementScopesJoin(scopes, sql`p.unit_id`, sql`nullif(p.heir_id, 0)`)}
    where p.attribution = ${by} and p.unit_id = any(${units}::int[]) and p.period_end = any(${ends.map((e) => e.toISOString())}::timestamptz[])
    group by w.w, scope.scope_id`.execute(db)
  return rows.some((row) => row.before_calendar) ? null : rows
}
