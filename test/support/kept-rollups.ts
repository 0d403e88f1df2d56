import fc from 'fast-check'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { randomDossier } from './random-dossier.js'
import { SMALL_PROVINCE_PROCEDURES, SMALL_PROVINCE_UNITS } from './small-province.js'

/** The unit rollups and their per-ancestor twins: what the dossier triggers keep. */
export const ROLLUP_TABLES = [
  'rollup_daily', 'rollup_monthly', 'rollup_decided_daily', 'rollup_decided_monthly',
  'rollup_subtree_daily', 'rollup_subtree_monthly', 'rollup_decided_subtree_daily', 'rollup_decided_subtree_monthly',
] as const

/**
 * Every rollup row (by unit code) and every e-copy bitmap — and, when asked, the history facts —
 * in one comparable shape, so two databases that took the same writes under other triggers can be
 * compared row for row.
 */
export async function keptRollups(handle: DatabaseHandle, withHistoryFacts = false): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of ROLLUP_TABLES) {
    const { rows } = await sql<Record<string, unknown>>`
      select u.code as unit, r.* from ${sql.table(table)} r join units u on u.id = r.unit_id order by u.code, 3`.execute(handle.db)
    out[table] = rows.map(({ unit_id: _, ...row }) => row)
  }
  out.ecert_subtree_years = (await sql`
    select a.code as ancestor, u.code as unit, e.year, e.days::text as days from ecert_subtree_years e
    join units a on a.id = e.ancestor_id join units u on u.id = e.unit_id order by 1, 2, 3`.execute(handle.db)).rows
  if (withHistoryFacts) {
    out.dossier_history_facts = (await sql`
      select d.code, f.first_type, f.result_at, f.returned_at, f.refused_at, f.requests, f.stretch_from, f.stretch_to
      from dossier_history_facts f join dossiers d on d.id = f.dossier_id order by d.code`.execute(handle.db)).rows
  }
  return out
}

/** A random dossier of the small province received over `spanDays` from `base`, decided where it was received or by any unit. */
export const dossierWithDeciderArb = (base: number, spanDays: number, code: string) =>
  fc.tuple(
    randomDossier({ unitCodes: SMALL_PROVINCE_UNITS, procedures: SMALL_PROVINCE_PROCEDURES, base, spanDays, dueWithinDays: 10, finishWithinDays: 20 }, code),
    fc.option(fc.constantFrom(...SMALL_PROVINCE_UNITS), { nil: null }),
  ).map(([dossier, decider]): DossierInput => ({ ...dossier, decidingUnitCode: decider }))
