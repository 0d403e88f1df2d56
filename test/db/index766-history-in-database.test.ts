import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { addDays } from '../../src/domain/time/local-date.js'
import { startOfVietnamDay } from '../../src/domain/time/vietnam-time.js'
import { dossierHistoryInputsOverWindows } from '../../src/modules/index766/dossier-history-inputs.js'
import { dossierHistoryInputsInDatabase } from '../../src/modules/index766/dossier-history-sql.js'
import { loadHistoryPlace, randomCalendar, randomHistory, writeHistories, type HistoryPlace } from '../support/random-dossier-history.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
let place: HistoryPlace
let batch = 0

/** Dossiers are received from 1/12/2024 over 120 days: across Tết 2025 and the weekends around it. */
const BASE_DATE = '2024-12-01'
const SPAN_DAYS = 120

beforeAll(async () => {
  handle = await createTestDatabase()
  place = await loadHistoryPlace(handle, BASE_DATE)
})
afterAll(async () => {
  await handle?.close()
})

const windowArb = fc.record({ startDay: fc.nat({ max: SPAN_DAYS + 40 }), days: fc.integer({ min: 1, max: 95 }) }).map(({ startDay, days }) => {
  const from = addDays(BASE_DATE, startDay - 20)
  return { start: startOfVietnamDay(from), end: startOfVietnamDay(addDays(from, days)) }
})

describe('2.1, 2.2 and 5.4 judged in the database', () => {
  it('give exactly the figures of judging each history in turn, for any histories, calendar and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomHistory(place.units.length, place.procedureVersions.length, SPAN_DAYS), { minLength: 1, maxLength: 25 }),
        randomCalendar(),
        fc.array(windowArb, { minLength: 1, maxLength: 4 }),
        async (histories, calendar, windows) => {
          batch += 1
          await writeHistories(handle.db, place, histories, `LS${batch}`)
          const scopes = place.units.map((u) => u.id)
          const fast = await dossierHistoryInputsInDatabase(handle.db, calendar, scopes, windows)
          const reference = await dossierHistoryInputsOverWindows(handle.db, calendar, scopes, windows)
          expect(fast.map((byScope) => [...byScope])).toEqual(reference.map((byScope) => [...byScope]))
        },
      ),
      { numRuns: 25 },
    )
  })
})
