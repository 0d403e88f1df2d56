import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { randomDossier } from '../support/random-dossier.js'
import { createTestDatabase } from '../support/test-database.js'
import { SMALL_PROVINCE_UNITS, saveSmallProvince, smallProvinceDossierSpace } from '../support/small-province.js'

/*
 * Events written for some dossiers make the Decision 766 partials of exactly their receiving and
 * deciding units stale: those units' change counters move, and no other unit's.
 */
const BASE = Date.parse('2024-05-01T08:00:00+07:00')
const space = smallProvinceDossierSpace(BASE)

let handle: DatabaseHandle
let run = 0

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveSmallProvince(handle)
}, 120_000)
afterAll(async () => handle?.close())

const counters = async () =>
  new Map((await sql<{ unit_id: number; v: string }>`select unit_id, sum(version) as v from index766_unit_changes group by unit_id`.execute(handle.db)).rows.map((r) => [r.unit_id, r.v]))

describe('events written in one statement', () => {
  it('move the change counters of their dossiers’ receiving and deciding units, and of no other', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }).chain((n) =>
          fc.tuple(
            fc.tuple(...Array.from({ length: n }, (_, i) => fc.tuple(randomDossier(space, `T${run}-${i}`), fc.option(fc.constantFrom(...SMALL_PROVINCE_UNITS), { nil: null })))),
            fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
          ),
        ),
        async ([dossiers, picks]) => {
          run++
          await importDossierInputs(handle, dossiers.map(([d, decider]) => ({ ...d, decidingUnitCode: decider })), 'touch')
          const codes = dossiers.map(([d]) => d.code)
          const { rows } = await sql<{ id: string; receiving_unit_id: number; deciding_unit_id: number; seq: number }>`
            select d.id, d.receiving_unit_id, d.deciding_unit_id, (select max(seq) from dossier_events e where e.dossier_id = d.id) as seq
            from dossiers d where d.code in (${sql.join(codes)}) order by d.code`.execute(handle.db)
          const chosen = [...new Set(picks.map((p) => p % rows.length))].map((i) => rows[i]!)
          const before = await counters()
          await handle.db
            .insertInto('dossier_events')
            .values(chosen.map((d) => ({ dossier_id: d.id, seq: d.seq + 1, type: 'hand_over', at: new Date(BASE), actor: 'kiểm thử', status_after: 'processing', data: '{}' })))
            .execute()
          const after = await counters()
          const moved = [...after].filter(([unit, v]) => before.get(unit) !== v).map(([unit]) => unit).sort((a, b) => a - b)
          const expected = [...new Set(chosen.flatMap((d) => [d.receiving_unit_id, d.deciding_unit_id]))].sort((a, b) => a - b)
          expect(moved).toEqual(expected)
        },
      ),
      { numRuns: 15, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    )
  }, 600_000)
})
