import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importDossierInputs } from '../../src/modules/dossiers/import/import-dossiers.js'
import { randomDossier } from '../support/random-dossier.js'
import { createTestDatabase } from '../support/test-database.js'
import { saveSmallProvince, smallProvinceDossierSpace } from '../support/small-province.js'

/*
 * The history facts trigger makes a dossier's facts from its one event when that event is its
 * first (an import's new dossiers), and recomputes them from all its events otherwise. Whatever
 * the mix — imports of new dossiers, re-imports that sync a status, desk steps on dossiers with a
 * history, a dossier's first events written by the desk, one or several in a statement — the
 * facts kept are those `rebuild_dossier_history_facts()` derives from every event.
 */
const HOUR = 3_600_000
const BASE = Date.parse('2024-03-01T08:00:00+07:00')
const ENDED = ['finished', 'returned', 'rejected', 'withdrawn']
const STATUSES = ['received', 'processing', 'supplement', 'paused', ...ENDED]
const STEP_TYPES = ['request_supplement', 'supplement_received', 'finish', 'return', 'reject', 'withdraw', 'pause', 'resume', 'hand_over', 'status_synced', 'imported', 'receive']

let handle: DatabaseHandle
let run = 0

beforeAll(async () => {
  handle = await createTestDatabase()
  await saveSmallProvince(handle)
}, 120_000)
afterAll(async () => handle?.close())

const space = smallProvinceDossierSpace(BASE)

/** A step of some dossier's history; `dossier` picks one of the run's dossiers. */
const stepArb = fc.record({
  dossier: fc.nat(),
  type: fc.constantFrom(...STEP_TYPES),
  hours: fc.integer({ min: 0, max: 40 * 24 }),
  status: fc.constantFrom(...STATUSES),
  // What an import says of the other system's times: a moment, nothing, or something that is not one.
  finishedAt: fc.oneof(fc.integer({ min: 0, max: 40 * 24 }), fc.constant(null), fc.constant('absent' as const)),
  returnedAt: fc.oneof(fc.integer({ min: 0, max: 45 * 24 }), fc.constant(null), fc.constant('absent' as const)),
})
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never

const moment = (hours: number | null | 'absent') => (typeof hours === 'number' ? new Date(BASE + hours * HOUR).toISOString() : hours)

/** Appends `steps` in one statement, each after the dossier's last event (or first, for a dossier without events). */
async function appendInOneStatement(ids: readonly number[], steps: readonly Step[]) {
  const last = new Map<number, number>()
  const { rows } = await sql<{ dossier_id: string; seq: number }>`
    select dossier_id, max(seq) as seq from dossier_events where dossier_id in (${sql.join(ids)}) group by dossier_id`.execute(handle.db)
  for (const row of rows) last.set(Number(row.dossier_id), row.seq)
  const values = steps.map((step) => {
    const id = ids[step.dossier % ids.length]!
    const seq = (last.get(id) ?? 0) + 1
    last.set(id, seq)
    const data: Record<string, string | null> = {}
    if (step.finishedAt !== 'absent') data.finished_at = moment(step.finishedAt)
    if (step.returnedAt !== 'absent') data.returned_at = moment(step.returnedAt)
    return { dossier_id: String(id), seq, type: step.type, at: new Date(BASE + step.hours * HOUR), actor: 'kiểm thử', status_after: step.status, data: JSON.stringify(data) }
  })
  await handle.db.insertInto('dossier_events').values(values).execute()
}

/** Dossiers written without a history (as the desk does before its receipt event), copied from `template`. */
async function dossiersWithoutEvents(codes: readonly string[], template: string): Promise<number[]> {
  const ids: number[] = []
  for (const code of codes) {
    const { rows } = await sql<{ id: string }>`
      insert into dossiers (code, receiving_unit_id, deciding_unit_id, procedure_id, procedure_version_id, channel, status, received_at)
      select ${code}, receiving_unit_id, deciding_unit_id, procedure_id, procedure_version_id, channel, 'received', received_at
      from dossiers where code = ${template} returning id`.execute(handle.db)
    ids.push(Number(rows[0]!.id))
  }
  return ids
}

/** The facts as kept, and as a rebuild from every event makes them (rolled back). */
async function keptAndRebuilt(): Promise<{ kept: unknown[]; rebuilt: unknown[] }> {
  const facts = async (db: typeof handle.db) => (await sql`select * from dossier_history_facts order by dossier_id`.execute(db)).rows
  const kept = await facts(handle.db)
  let rebuilt: unknown[] = []
  class Rollback extends Error {}
  await handle.db
    .transaction()
    .execute(async (trx) => {
      await sql`select rebuild_dossier_history_facts()`.execute(trx)
      rebuilt = await facts(trx)
      throw new Rollback()
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error
    })
  return { kept, rebuilt }
}

describe('the history facts of a dossier whose first event is written', () => {
  it('are those a rebuild from every event gives, for new and known dossiers, imports and desk steps', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            fc.tuple(...Array.from({ length: n }, (_, i) => randomDossier(space, `F${run}-${i}`))),
            fc.tuple(...Array.from({ length: n }, (_, i) => randomDossier(space, `F${run}-${i}`))),
            fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            fc.nat({ max: 4 }),
            fc.array(fc.array(stepArb, { minLength: 1, maxLength: 8 }), { maxLength: 4 }),
          ),
        ),
        async ([first, second, resynced, bare, batches]) => {
          const at = run++
          // New dossiers by import: one `imported` event each, with the other system's times when ended.
          await importDossierInputs(handle, first, 'facts-first')
          // A re-import: some change status (a `status_synced` event after their first).
          await importDossierInputs(handle, first.map((d, i) => (resynced[i] ? { ...second[i]!, code: d.code } : d)), 'facts-again')
          const imported = (await handle.db.selectFrom('dossiers').select('id').where('code', 'in', first.map((d) => d.code)).execute()).map((r) => Number(r.id))
          const fresh = await dossiersWithoutEvents(Array.from({ length: bare }, (_, j) => `F${at}-bare-${j}`), first[0]!.code)
          // Desk steps in statements of several dossiers: on dossiers with a history and on dossiers
          // without one (their first event alone, or several at once), earlier ones of this run too.
          for (const steps of batches) await appendInOneStatement([...imported, ...fresh], steps)
          const { kept, rebuilt } = await keptAndRebuilt()
          expect(kept).toEqual(rebuilt)
        },
      ),
      { numRuns: 25, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    )
  }, 600_000)

  it('of a desk dossier whose first event asks for a supplement open a stretch and list the request', async () => {
    const [id] = await dossiersWithoutEvents(['F-supplement'], (await handle.db.selectFrom('dossiers').select('code').limit(1).executeTakeFirstOrThrow()).code)
    await appendInOneStatement([id!], [{ dossier: 0, type: 'request_supplement', hours: 5, status: 'supplement', finishedAt: 'absent', returnedAt: 'absent' }])
    const facts = (await sql`select * from dossier_history_facts where dossier_id = ${id}`.execute(handle.db)).rows[0]
    const asked = new Date(BASE + 5 * HOUR)
    expect(facts).toMatchObject({ first_type: 'request_supplement', result_at: null, requests: [asked], stretch_from: [asked], stretch_to: [null] })
  })

  it('of an imported dossier ended elsewhere take the other system’s moments', async () => {
    const [dossier] = fc.sample(randomDossier(space, 'F-ended'), { numRuns: 1, seed: 7 })
    const finishedAt = new Date(BASE + 30 * HOUR)
    const returnedAt = new Date(BASE + 40 * HOUR)
    await importDossierInputs(handle, [{ ...dossier!, receivedAt: new Date(BASE), status: 'returned', finishedAt, returnedAt }], 'facts-ended')
    const facts = await sql<{ first_type: string; result_at: Date; returned_at: Date; refused_at: Date | null }>`
      select f.* from dossier_history_facts f join dossiers d on d.id = f.dossier_id where d.code = 'F-ended'`.execute(handle.db)
    expect(facts.rows[0]).toMatchObject({ first_type: 'imported', result_at: finishedAt, returned_at: returnedAt, refused_at: null })
  })
})
