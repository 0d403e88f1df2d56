import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { dossierScopes, dossierScopesJoin, type DossierUnitColumn } from './scope-dossiers.js'
import { processingUnitColumn } from './index-scope.js'
import type { Attribution } from '../indicators/rollup.repository.js'
import { perWindow, windowsSpan, windowsTable } from './time-windows.js'

export interface DossierFlagInputs {
  '1.4': Fraction | null
  '4.1': Fraction | null
  '4.3': Fraction | null
  '4.4': Fraction | null
  '4.5b': Fraction | null
}

export interface Counts {
  scope_id: number
  synced_known: number
  synced: number
  reused_known: number
  reused: number
  linked_known: number
  linked: number
  population_known: number
  population: number
  paper_known: number
  paper_eresult_known: number
  eresult: number
}

/** A fraction over the dossiers whose fact is known; null when none is ("chưa có dữ liệu"). */
const known = (numerator: number, denominator: number, anyKnown: number): Fraction | null => (anyKnown === 0 ? null : { numerator, denominator })

/**
 * 1.4, 4.1, 4.3, 4.4 and 4.5b over a unit's subtree and a period, from the dossiers' nullable
 * flags. Received-based (1.4, 4.3, 4.4, 4.5b): dossiers received in the period whose flag is
 * known. 4.1 is finished-based: dossiers finished (finished or returned) in the period whose
 * result is a paper document and whether an e-result was issued is known; when the results are
 * known and none is on paper, it is 0/0 ("không phát sinh"). For several scopes (each a unit's
 * subtree) in one pass over the dossiers, grouped by scope.
 */
export async function dossierFlagInputs(db: Kysely<Database>, scopeIds: readonly number[], start: Date, end: Date, attribution?: Attribution): Promise<Map<number, DossierFlagInputs>> {
  return (await dossierFlagInputsOverWindows(db, scopeIds, [{ start, end }], attribution))[0]!
}

/**
 * `dossierFlagInputs` for several periods in one pass over the dossiers, grouped by (period,
 * scope). By the decider, the results (4.1) are counted where the dossiers are decided; the rest
 * where they were received.
 */
export async function dossierFlagInputsOverWindows(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[], attribution?: Attribution): Promise<Map<number, DossierFlagInputs>[]> {
  const byReceiver = await flagCountsOverWindows(db, scopeIds, windows, 'receiving_unit_id')
  const byDecider = attribution === 'decider' ? await flagCountsOverWindows(db, scopeIds, windows, processingUnitColumn(attribution)) : byReceiver
  return flagInputsFromCounts(windows, scopeIds, byReceiver, byDecider)
}

/** The inputs of each (period, scope) from its counts where the dossiers were received, and the results' (4.1) where they are processed. */
export function flagInputsFromCounts(windows: readonly TimeWindow[], scopeIds: readonly number[], byReceiver: readonly (Counts & { w: number })[], byDecider: readonly (Counts & { w: number })[]): Map<number, DossierFlagInputs>[] {
  const none = { scope_id: 0, synced_known: 0, synced: 0, reused_known: 0, reused: 0, linked_known: 0, linked: 0, population_known: 0, population: 0, paper_known: 0, paper_eresult_known: 0, eresult: 0 }
  const decidedByCell = new Map(byDecider.map((row) => [`${Number(row.w)}:${Number(row.scope_id)}`, row]))
  return perWindow(windows, scopeIds, byReceiver, (received, w, id) => {
    const decided = decidedByCell.get(`${w}:${id}`) ?? none
    const r = received ?? none
    return inputsOf({ ...r, paper_known: decided.paper_known, paper_eresult_known: decided.paper_eresult_known, eresult: decided.eresult })
  })
}

/** The flag counts of each (period, scope), its dossiers found by one of their units. */
async function flagCountsOverWindows(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[], unitColumn: DossierUnitColumn): Promise<(Counts & { w: number })[]> {
  const span = windowsSpan(windows)
  const received = sql`(d.received_at >= w.s and d.received_at < w.e)`
  const finished = sql`(d.finished_at >= w.s and d.finished_at < w.e and d.status in ('finished', 'returned'))`
  const count = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`
  const { rows } = await sql<Counts & { w: number }>`
    select w.w, scope.scope_id,
      ${count(sql`${received} and d.synced_national is not null`)} as synced_known,
      ${count(sql`${received} and d.synced_national`)} as synced,
      ${count(sql`${received} and d.reused_data is not null`)} as reused_known,
      ${count(sql`${received} and d.reused_data`)} as reused,
      ${count(sql`${received} and d.linked_data_store is not null`)} as linked_known,
      ${count(sql`${received} and d.linked_data_store`)} as linked,
      ${count(sql`${received} and d.population_data_used is not null`)} as population_known,
      ${count(sql`${received} and d.population_data_used`)} as population,
      ${count(sql`${finished} and (d.result_on_paper = false or (d.result_on_paper and d.e_result_issued is not null))`)} as paper_known,
      ${count(sql`${finished} and d.result_on_paper and d.e_result_issued is not null`)} as paper_eresult_known,
      ${count(sql`${finished} and d.result_on_paper and d.e_result_issued`)} as eresult
    from dossiers d
    ${dossierScopesJoin(await dossierScopes(db, scopeIds), unitColumn)}
    join ${windowsTable(windows)} on ${received} or ${finished}
    where (d.received_at >= ${span.start} and d.received_at < ${span.end}) or (d.finished_at >= ${span.start} and d.finished_at < ${span.end})
    group by w.w, scope.scope_id
  `.execute(db)
  return rows
}

function inputsOf(r: Counts): DossierFlagInputs {
  const n = (value: number) => Number(value)
  return {
    '1.4': known(n(r.synced), n(r.synced_known), n(r.synced_known)),
    '4.1': known(n(r.eresult), n(r.paper_eresult_known), n(r.paper_known)),
    '4.3': known(n(r.reused), n(r.reused_known), n(r.reused_known)),
    '4.4': known(n(r.linked), n(r.linked_known), n(r.linked_known)),
    '4.5b': known(n(r.population), n(r.population_known), n(r.population_known)),
  }
}
