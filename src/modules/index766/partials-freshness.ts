import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import { scopeMembersSql } from './index-scope.js'
import type { DossierScopes } from './scope-dossiers.js'

/*
 * When a kept Decision 766 partial result may be used (migration 033): a cell — one processing
 * unit at one instant (a month's end, or a month's start) of one kind and attribution — is fresh
 * while the unit's change counter and every unit's (unit 0) are those it was computed at and the
 * calendar it read has the same fingerprint. The counters move in the writers' transactions; a
 * computation reads them in the statement that writes the rows, so both are of one snapshot.
 */

/** The processing units whose dossiers may count in the scopes: their members and, when a split concerns them, the split units. */
export async function unitsFeeding(db: Kysely<Database>, scopes: DossierScopes): Promise<number[]> {
  const members = scopeMembersSql(scopes.scopeIds)
  const { rows } = await sql<{ unit_id: number }>`
    select m.descendant_id as unit_id from ${members} m
    ${scopes.splitShares ? sql`union select dh.unit_id from dossier_heirs dh where dh.heir_id in (select m.descendant_id from ${members} m)` : sql``}`.execute(db)
  return [...new Set(rows.map((row) => Number(row.unit_id)))].sort((a, b) => a - b)
}

/** Each unit's change counter and every unit's (unit 0), summed over the shards. */
export const unitCounters = (units: readonly number[]) =>
  sql`v as (select unit_id, sum(version)::bigint as version from index766_unit_changes where unit_id = any(${[0, ...units]}::int[]) group by unit_id)`

/** One (unit, instant) a question needs. */
export interface Cell {
  unit_id: number
  period_end: Date
}

/** The (unit, end) cells without rows computed at the units' current counters and this calendar. */
export async function staleCells(db: Kysely<Database>, kind: string, attribution: string, units: readonly number[], ends: readonly Date[], keys: readonly string[]): Promise<Cell[]> {
  const counters = await sql<{ unit_id: number; version: string }>`
    select unit_id, sum(version)::bigint as version from index766_unit_changes where unit_id = any(${[0, ...units]}::int[]) group by unit_id`.execute(db)
  const counter = new Map(counters.rows.map((row) => [Number(row.unit_id), String(row.version)]))
  const stamps = await sql<{ unit_id: number; period_end: Date; unit_version: string; all_version: string; calendar_key: string }>`
    select unit_id, period_end, unit_version, all_version, calendar_key from index766_partials_fresh
    where kind = ${kind} and attribution = ${attribution} and unit_id = any(${units}::int[]) and period_end = any(${ends.map((e) => e.toISOString())}::timestamptz[])`.execute(db)
  const keyOf = new Map(ends.map((e, i) => [e.getTime(), keys[i]!]))
  const fresh = new Set(
    stamps.rows
      .filter((s) => String(s.unit_version) === (counter.get(Number(s.unit_id)) ?? '0') && String(s.all_version) === (counter.get(0) ?? '0') && s.calendar_key === keyOf.get(new Date(s.period_end).getTime()))
      .map((s) => `${Number(s.unit_id)}:${new Date(s.period_end).getTime()}`),
  )
  return units.flatMap((unit_id) => ends.filter((e) => !fresh.has(`${unit_id}:${e.getTime()}`)).map((period_end) => ({ unit_id, period_end })))
}

/** `insert` of the cells' stamps, after a `with` that has `unitCounters` as v: the counters the rows were computed at. */
export function stampCells(kind: string, attribution: string, units: readonly number[], instants: readonly Date[], keys: readonly string[]): RawBuilder<unknown> {
  return sql`
    insert into index766_partials_fresh as f (kind, attribution, unit_id, period_end, unit_version, all_version, calendar_key)
    select ${kind}, ${attribution}, u.unit_id, e.period_end,
      coalesce((select version from v where v.unit_id = u.unit_id), 0), coalesce((select version from v where v.unit_id = 0), 0), e.calendar_key
    from unnest(${units}::int[]) as u(unit_id)
    cross join unnest(${instants.map((e) => e.toISOString())}::timestamptz[], ${keys}::text[]) as e(period_end, calendar_key)
    on conflict (kind, attribution, unit_id, period_end) do update
      set unit_version = excluded.unit_version, all_version = excluded.all_version, calendar_key = excluded.calendar_key`
}

/** Runs a computation of kept rows in a transaction, one at a time (a second waits, then finds the rows fresh). */
export async function oneComputationAtATime(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(766032)`.execute(trx)
    await work(trx)
  })
}
