import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { addDays } from '../../domain/time/local-date.js'
import { startOfVietnamDay, toVietnamDate } from '../../domain/time/vietnam-time.js'
import type { Attribution } from '../indicators/rollup.repository.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { judgedDossiersSql, VERDICT_COUNTS, YEARS_BEFORE, type HistoryCounts } from './dossier-history-sql.js'
import { processingUnitColumn } from './index-scope.js'
import { dossierScopes, dossierShare, placementScopesJoin } from './scope-dossiers.js'
import { monthStartSql } from './month-partials.js'
import { oneComputationAtATime, staleCells, stampCells, unitCounters, unitsFeeding, type Cell } from './partials-freshness.js'

/*
 * 2.1, 2.2 and 5.4 from partial results kept between questions (migration 033): for each
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
 * The fingerprints of the calendar stretches judgements at the ends read: from YEARS_BEFORE years
 * before each end's year up to the day after it (judgedDossiersSql) — a row computed with another
 * calendar there is not used. The days are read once for all the ends.
 */
export function calendarKeysAt(calendar: WorkingCalendar, ends: readonly Date[]): string[] {
  if (ends.length === 0) return []
  const stretches = ends.map((end) => ({ from: `${Number(addDays(toVietnamDate(end), -1).slice(0, 4)) - YEARS_BEFORE}-01-01`, through: addDays(toVietnamDate(end), 1) }))
  const first = stretches.reduce((a, s) => (s.from < a ? s.from : a), stretches[0]!.from)
  const last = stretches.reduce((a, s) => (s.through > a ? s.through : a), stretches[0]!.through)
  const days: string[] = []
  let bits = ''
  for (let day = first; day <= last; day = addDays(day, 1)) {
    days.push(day)
    bits += calendar.isWorkingDay(day) ? '1' : '0'
  }
  return stretches.map(({ from, through }) => createHash('sha256').update(`${from}:${bits.slice(days.indexOf(from), days.indexOf(through) + 1)}`).digest('base64url'))
}


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
    ${unitCounters(units)},
    counted as (
      select d.e as period_end, d.receiving_unit_id as unit_id, coalesce(d.share_heir_id, 0) as heir_id,
        case when d.finished_at < d.e then ${monthStartSql(sql`d.finished_at`)} else 'infinity'::timestamptz end as finished_month,
        ${VERDICT_COUNTS}
      from verdicts d
      left join complaints c on c.id = d.id
      group by 1, 2, 3, 4
    ),
    kept as (
      insert into index766_history_partials (attribution, unit_id, heir_id, period_end, finished_month, dossiers, on_time, finished, processing_days, satisfied, before_calendar)
      select ${attribution}, unit_id, heir_id, period_end, finished_month, dossiers, on_time, finished, processing_days, satisfied, before_calendar from counted
    )
    ${stampCells(KIND, attribution, units, ends, calendarKeysAt(calendar, ends))}
  `.execute(trx)
}

/** Brings the cells the question needs up to date: the stale ones computed again, one statement per year of ends. */
async function refreshCells(db: Kysely<Database>, calendar: WorkingCalendar, attribution: Attribution, units: readonly number[], ends: readonly Date[], keys: readonly string[]): Promise<void> {
  if ((await staleCells(db, KIND, attribution, units, ends, keys)).length === 0) return
  await oneComputationAtATime(db, async (trx) => {
    // What another computation finished while this one waited is not done again.
    const stale = await staleCells(trx, KIND, attribution, units, ends, keys)
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
  await refreshCells(db, calendar, by, units, ends, calendarKeysAt(calendar, ends))
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
