import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { readDataVersion } from '../../src/modules/figure-cache/data-version.js'
import { FigureCache } from '../../src/modules/figure-cache/figure-cache.js'
import { indexInputs } from '../../src/modules/index766/compute-index.js'
import { getUnitByCode } from '../../src/modules/units/units.repository.js'
import { loadIndexDistrict } from '../support/index766-district.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadIndexDistrict(handle)
})
afterAll(async () => {
  await handle?.close()
})

/** Quang Trung's 2.1 for August 2025, through the figure cache as the routes ask it. */
async function onTime21(cache: FigureCache) {
  const unit = await getUnitByCode(handle.db, 'H23.07.02')
  const inputs = await cache.answer(await readDataVersion(handle.db), 'index766:H23.07.02:2025-08', () => indexInputs(handle.db, unit.id, '2025-08-01', '2025-08-31'))
  return inputs['2.1']
}

async function appendEvent(code: string, type: string, at: string) {
  const dossier = await handle.db.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  const last = await handle.db.selectFrom('dossier_events').select((eb) => eb.fn.max('seq').as('seq')).where('dossier_id', '=', dossier.id).executeTakeFirstOrThrow()
  await handle.db
    .insertInto('dossier_events')
    .values({ dossier_id: dossier.id, seq: Number(last.seq ?? 0) + 1, type, at: new Date(at), actor: 'kiểm thử', status_after: 'supplement', data: '{}' })
    .execute()
}

describe('a history that grows after the index was asked', () => {
  it('is judged anew on the next question: the facts move with the events, the cached figure with the data version', async () => {
    const cache = new FigureCache()
    // QT-1 was finished on time at 09:00 on 7/8/2025.
    expect(await onTime21(cache)).toEqual({ numerator: 1, denominator: 1 })
    expect(await onTime21(cache)).toEqual({ numerator: 1, denominator: 1 })

    // Asked to supplement once before it was finished: still on time (the wait only pushes the deadline back).
    await appendEvent('QT-1', 'request_supplement', '2025-08-07T08:30:00+07:00')
    expect(await onTime21(cache)).toEqual({ numerator: 1, denominator: 1 })

    // A second request makes it late, whatever the dates.
    await appendEvent('QT-1', 'request_supplement', '2025-08-07T08:45:00+07:00')
    expect(await onTime21(cache)).toEqual({ numerator: 0, denominator: 1 })
  })
})

describe('the history facts rebuilt from the events (a restore of a backup made before them)', () => {
  it('are the facts the trigger kept', async () => {
    const facts = () => sql`select * from dossier_history_facts order by dossier_id`.execute(handle.db).then((r) => r.rows)
    const kept = await facts()
    expect(kept.length).toBeGreaterThan(0)
    await sql`delete from dossier_history_facts`.execute(handle.db)
    await sql`select rebuild_dossier_history_facts()`.execute(handle.db)
    expect(await facts()).toEqual(kept)
  })
})
