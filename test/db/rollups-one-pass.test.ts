import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { down as triggersBeforeOnePass } from '../../src/db/migrations/20261126_034_import_speed_rollups.js'
import { down as subtreeTriggersOnUnitRollups } from '../../src/db/migrations/20261126_040_subtree_contrib.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { createTestDatabase } from '../support/test-database.js'
import { SMALL_PROVINCE_UNITS, saveSmallProvince } from '../support/small-province.js'
import { dossierWithDeciderArb, keptRollups } from '../support/kept-rollups.js'
import { applyDossierFates } from '../support/dossier-fates.js'

/*
 * Migration 034 keeps the receiving and deciding rollups in one pass over the changed dossiers
 * (and skips contributions that cancel). Two databases live the same life — imports whose
 * deciding unit differs from the receiving one, re-imports that change dossiers, updates of the
 * deciding unit and of columns no figure reads, deletions — one with the triggers before 034,
 * one with 034's. Every rollup table, per unit and per ancestor, the e-copy bitmaps and the
 * history facts must be the same, row for row.
 */
const UNIT_CODES = SMALL_PROVINCE_UNITS
// Around 17:00 UTC (midnight in Vietnam) too: receipts are hourly from a Vietnam midnight.
const BASE = Date.parse('2022-12-20T00:00:00+07:00')

let before: DatabaseHandle
let now: DatabaseHandle

beforeAll(async () => {
  ;[before, now] = await Promise.all([createTestDatabase(), createTestDatabase()])
  // 040 first (029's per-ancestor triggers back on the unit rollups), then 034: the triggers as they were.
  await subtreeTriggersOnUnitRollups(before.db)
  await triggersBeforeOnePass(before.db)
  await saveSmallProvince(before)
  await saveSmallProvince(now)
}, 120_000)
afterAll(async () => Promise.all([before.close(), now.close()]))

const dossierArb = (code: string) => dossierWithDeciderArb(BASE, 30, code)
const kept = (handle: DatabaseHandle) => keptRollups(handle, true)

/** The same change on both databases. */
async function onBoth(change: (handle: DatabaseHandle) => Promise<unknown>) {
  await change(before)
  await change(now)
}

let run = 0

describe('the rollups kept in one pass (migration 034)', () => {
  it('are those the separate receiving and deciding triggers kept, after imports, re-imports, updates and deletions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }).chain((n) =>
          fc.tuple(
            fc.tuple(...Array.from({ length: n }, (_, i) => dossierArb(`O${run}-${i}`))),
            fc.tuple(...Array.from({ length: n }, (_, i) => dossierArb(`O${run}-${i}`))),
            fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            fc.array(fc.nat({ max: 3 }), { minLength: n, maxLength: n }),
            fc.constantFrom(...UNIT_CODES),
          ),
        ),
        async ([first, second, changed, fate, decider]) => {
          run++
          const codes = first.map((d) => d.code)
          await onBoth((h) => importDossierInputs(h, first, 'one-pass-first'))
          // A re-import: some dossiers change (status, dates, units, decider…), the others stay.
          const next = first.map((d, i) => (changed[i] ? { ...second[i]!, code: d.code } : d))
          await onBoth((h) => importDossierInputs(h, next, 'one-pass-second'))
          await onBoth((h) => importDossierInputs(h, next, 'one-pass-again'))
          // Decided elsewhere, a change no figure reads (the applicant's address), deleted: one statement each.
          await onBoth((h) => applyDossierFates(h, codes, fate, decider, 'số 2, Thôn Đông'))
          expect(await kept(now)).toEqual(await kept(before))
        },
      ),
      { numRuns: 12, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    )
  }, 600_000)

  it('write no rollup row for a statement that changes no figure', async () => {
    // A row's xmin is the transaction that last wrote it: adding zeros would rewrite it.
    const written = async (h: DatabaseHandle) =>
      (await sql<{ v: string }>`select string_agg(xmin::text, ',' order by unit_id, day) as v from rollup_daily`.execute(h.db)).rows[0]!.v
    const at = await written(now)
    await sql`update dossiers set applicant_address = 'số 3, Thôn Tây'`.execute(now.db)
    expect(await written(now)).toBe(at)
  })
})
