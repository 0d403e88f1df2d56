import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { down as subtreeTriggersOnUnitRollups } from '../../src/db/migrations/20261126_040_subtree_contrib.js'
import type { DossierInput } from '../../src/domain/dossiers/dossier-input.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { saveUnits } from '../../src/modules/units/save-units.js'
import { randomDossier } from '../support/random-dossier.js'
import { createTestDatabase } from '../support/test-database.js'
import { SMALL_PROVINCE_PROCEDURES, SMALL_PROVINCE_UNITS, saveSmallProvince } from '../support/small-province.js'
import { dossierWithDeciderArb, keptRollups } from '../support/kept-rollups.js'
import { applyDossierFates } from '../support/dossier-fates.js'

/*
 * Migration 040 writes the per-ancestor rollups from the dossier trigger's own sums, in the
 * same statement as the unit rollups, instead of 029's triggers on the unit rollups. Two
 * databases live the same life — imports with deciding units of their own, changing and
 * identical re-imports, a deciding unit moved, a change no figure reads, deletions, a commune
 * moved to the other district between imports — one with 029's triggers (040's down()), one
 * with 040's: every rollup table, the e-copy bitmaps included, must be the same row for row.
 * Any other writer of a unit rollup still finds its per-ancestor twin right afterwards.
 */
const UNIT_CODES = SMALL_PROVINCE_UNITS
const BASE = Date.parse('2023-01-20T00:00:00+07:00')
const UNIT_TABLES = ['rollup_daily', 'rollup_monthly', 'rollup_decided_daily', 'rollup_decided_monthly'] as const
const TWINS = {
  rollup_daily: { twin: 'rollup_subtree_daily', key: 'day' },
  rollup_monthly: { twin: 'rollup_subtree_monthly', key: 'month' },
  rollup_decided_daily: { twin: 'rollup_decided_subtree_daily', key: 'day' },
  rollup_decided_monthly: { twin: 'rollup_decided_subtree_monthly', key: 'month' },
} as const

let before: DatabaseHandle
let now: DatabaseHandle

beforeAll(async () => {
  ;[before, now] = await Promise.all([createTestDatabase(), createTestDatabase()])
  await subtreeTriggersOnUnitRollups(before.db)
  await saveSmallProvince(before)
  await saveSmallProvince(now)
}, 120_000)
afterAll(async () => Promise.all([before.close(), now.close()]))

const dossierArb = (code: string) => dossierWithDeciderArb(BASE, 45, code)
const kept = (handle: DatabaseHandle) => keptRollups(handle)

async function onBoth(change: (handle: DatabaseHandle) => Promise<unknown>) {
  await change(before)
  await change(now)
}

/** C1 under the other district than it is now (the tree refresh moves its rows between ancestors). */
async function moveC1(handle: DatabaseHandle) {
  const { rows } = await sql<{ parent: string }>`select p.code as parent from units u join units p on p.id = u.parent_id where u.code = 'C1'`.execute(handle.db)
  const parentCode = rows[0]!.parent === 'D1' ? 'D2' : 'D1'
  await handle.db.transaction().execute((trx) => saveUnits(trx, [{ line: 2, unit: { code: 'C1', name: 'Xã Một', kind: 'commune', parentCode } }]))
}

/** Per-ancestor rows that differ from the unit rollups summed over unit_rollup_ancestors (rows of zeros left out). */
async function twinsOutOfStep(handle: DatabaseHandle): Promise<unknown[]> {
  const wrong: unknown[] = []
  for (const table of UNIT_TABLES) {
    const { twin, key } = TWINS[table]
    // One weighted sum of several metrics per row: a wrong metric changes it.
    const weighted = sql.raw(table.includes('decided') ? 'finished + late * 3 + overdue_enter * 7 - overdue_exit * 11' : 'received + ecert_copies * 3 + finished * 7 + overdue_enter * 11 - overdue_exit * 13')
    const { rows } = await sql`
      with expected as (
        select a.ancestor_id as unit_id, r.${sql.ref(key)} as at, sum(r.value)::int as value
        from unit_rollup_ancestors a join (select *, ${weighted} as value
          from ${sql.table(table)}) r on r.unit_id = a.unit_id group by 1, 2
      ),
      kept as (select unit_id, ${sql.ref(key)} as at, ${weighted} as value from ${sql.table(twin)})
      select ${twin}::text as twin, coalesce(e.unit_id, k.unit_id) as unit_id, coalesce(e.at, k.at)::text as at, e.value as expected, k.value as kept
      from expected e full join kept k on k.unit_id = e.unit_id and k.at = e.at
      where coalesce(e.value, 0) <> coalesce(k.value, 0) limit 3`.execute(handle.db)
    wrong.push(...rows)
  }
  return wrong
}

let run = 0

describe('the per-ancestor rollups from the dossier trigger (migration 040)', () => {
  it('are those the triggers on the unit rollups kept, through imports, re-imports, new deciders, deletions and a moved commune', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }).chain((n) =>
          fc.tuple(
            fc.tuple(...Array.from({ length: n }, (_, i) => dossierArb(`T${run}-${i}`))),
            fc.tuple(...Array.from({ length: n }, (_, i) => dossierArb(`T${run}-${i}`))),
            fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            fc.array(fc.nat({ max: 3 }), { minLength: n, maxLength: n }),
            fc.constantFrom(...UNIT_CODES),
            fc.boolean(),
          ),
        ),
        async ([first, second, changed, fate, decider, move]) => {
          run++
          const codes = first.map((d) => d.code)
          await onBoth((h) => importDossierInputs(h, first, 'subtree-first'))
          if (move) await onBoth(moveC1)
          const next = first.map((d, i) => (changed[i] ? { ...second[i]!, code: d.code } : d))
          await onBoth((h) => importDossierInputs(h, next, 'subtree-second'))
          await onBoth((h) => importDossierInputs(h, next, 'subtree-again'))
          await onBoth((h) => applyDossierFates(h, codes, fate, decider, 'số 5, Thôn Nam'))
          expect(await kept(now)).toEqual(await kept(before))
          expect(await twinsOutOfStep(now)).toEqual([])
        },
      ),
      { numRuns: 10, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    )
  }, 600_000)

  it('keep up with a unit rollup written by something other than the dossiers (a data fix, a migration)', async () => {
    await importDossierInputs(now, [randomDossierNow('W-1'), randomDossierNow('W-2')], 'subtree-writer')
    const c2 = sql`(select id from units where code = 'C2')`
    await sql`insert into rollup_daily (unit_id, day, received, finished) values (${c2}, '2021-03-04', 3, 1)
      on conflict (unit_id, day) do update set received = rollup_daily.received + 3`.execute(now.db)
    await sql`update rollup_monthly set received = received + 2, overdue_enter = overdue_enter + 1 where unit_id = ${c2}`.execute(now.db)
    await sql`insert into rollup_decided_monthly (unit_id, month, finished, late) values (${c2}, '2021-03-01', 4, 2)
      on conflict (unit_id, month) do update set finished = rollup_decided_monthly.finished + 4`.execute(now.db)
    await sql`delete from rollup_decided_daily where unit_id in (select unit_id from rollup_decided_daily order by day limit 1)`.execute(now.db)
    expect(await twinsOutOfStep(now)).toEqual([])
  })
})

function randomDossierNow(code: string): DossierInput {
  return {
    ...fc.sample(randomDossier({ unitCodes: UNIT_CODES, procedures: SMALL_PROVINCE_PROCEDURES, base: BASE, spanDays: 10, dueWithinDays: 5, finishWithinDays: 5 }, code), { numRuns: 1, seed: code.length })[0]!,
    decidingUnitCode: null,
  }
}
