import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { Fraction } from '../../src/domain/index766/score-unit.js'
import { startOfVietnamDay } from '../../src/domain/time/vietnam-time.js'
import { digitizationInputOverWindows } from '../../src/modules/index766/digitization-inputs.js'
import { dossierFlagInputsOverWindows, flagInputsFromCounts } from '../../src/modules/index766/dossier-flag-inputs.js'
import { monthCountsFromPartials, type MonthCounts } from '../../src/modules/index766/month-partials.js'
import { fullOnlineInputOverWindows } from '../../src/modules/index766/online-inputs.js'
import { paidProceduresOverDossiers } from '../../src/modules/index766/payment-inputs.js'
import { paidProceduresFromPartials } from '../../src/modules/index766/payment-partials.js'
import { perWindow } from '../../src/modules/index766/time-windows.js'
import { loadIndexDistrict } from '../support/index766-district.js'
import { randomHistory, writeHistories, type HistoryPlace } from '../support/random-dossier-history.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
let place: HistoryPlace
let batch = 0

const BASE_DATE = '2024-12-01'
const SPAN_DAYS = 120

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadIndexDistrict(handle)
  place = {
    units: await handle.db.selectFrom('units').select('id').orderBy('id').execute(),
    procedureVersions: await handle.db.selectFrom('procedure_versions').select(['id', 'procedure_id']).orderBy('id').execute(),
    base: startOfVietnamDay(BASE_DATE).getTime(),
  }
})
afterAll(async () => {
  await handle?.close()
})

const monthStart = (y: number, m: number) => startOfVietnamDay(`${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`)
/** A month, a quarter or a year around the dossiers' months. */
const periodArb = fc.oneof(
  fc.integer({ min: 11, max: 17 }).map((m) => ({ start: monthStart(2024, m), end: monthStart(2024, m + 1) })),
  fc.constantFrom(10, 13, 16).map((m) => ({ start: monthStart(2024, m), end: monthStart(2024, m + 3) })),
  fc.constantFrom(2024, 2025).map((y) => ({ start: monthStart(y, 1), end: monthStart(y + 1, 1) })),
)

const flag = fc.constantFrom(null, true, false)
/** What an import or the desk may say of a dossier after it was received: its flags, files, channel, deciding unit, status. */
const editArb = fc.record({
  pick: fc.nat(),
  synced_national: flag, reused_data: flag, linked_data_store: flag, population_data_used: flag, result_on_paper: flag, e_result_issued: flag,
  components_total: fc.integer({ min: 0, max: 3 }), components_digitized: fc.integer({ min: 0, max: 3 }), result_digitized: fc.boolean(),
  channel: fc.constantFrom('online', 'direct'),
  deciderIndex: fc.nat(),
  status: fc.constantFrom('finished', 'returned', 'processing'),
  finishedHours: fc.integer({ min: 0, max: 60 * 24 }),
  paid_online: fc.boolean(),
  fee_vnd: fc.constantFrom(0, 25_000),
  paidHours: fc.option(fc.integer({ min: -5 * 24, max: 70 * 24 }), { nil: null }),
})
const onlineLevelArb = fc.record({ pick: fc.nat(), level: fc.constantFrom('full', 'partial', 'none') })

const plain = (maps: Map<number, unknown>[]) => maps.map((m) => [...m])

describe('1.4, 3.x, 4.1–4.5b and 3.5 C from the counts kept per unit and month', () => {
  it('are exactly the counts over the dossiers, after any new dossiers, edits, procedures’ online levels and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomHistory(place.units.length, place.procedureVersions.length, SPAN_DAYS), { maxLength: 10 }),
        fc.array(editArb, { maxLength: 6 }),
        fc.option(onlineLevelArb, { nil: null }),
        fc.array(periodArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('receiver' as const, 'decider' as const),
        async (histories, edits, onlineLevel, windows, attribution) => {
          batch += 1
          await writeHistories(handle.db, place, histories, `MP${batch}`)
          const dossiers = await handle.db.selectFrom('dossiers').select(['id', 'received_at']).orderBy('id').execute()
          for (const e of edits) {
            if (dossiers.length === 0) break
            const d = dossiers[e.pick % dossiers.length]!
            const { pick: _pick, deciderIndex, finishedHours, paidHours, status, ...columns } = e
            const finishedAt = status === 'processing' ? null : new Date(new Date(d.received_at).getTime() + finishedHours * 3_600_000)
            // Paid at the desk (any time, even before the receipt is recorded) or, without a time, with the submission.
            const paidAt = paidHours === null ? null : new Date(new Date(d.received_at).getTime() + paidHours * 3_600_000)
            await handle.db
              .updateTable('dossiers')
              .set({ ...columns, paid_online: e.paid_online && e.fee_vnd > 0, returned_at: null, paid_at: paidAt, components_digitized: Math.min(e.components_digitized, e.components_total), status, finished_at: finishedAt, deciding_unit_id: place.units[deciderIndex % place.units.length]!.id })
              .where('id', '=', d.id)
              .execute()
          }
          if (onlineLevel) {
            const version = place.procedureVersions[onlineLevel.pick % place.procedureVersions.length]!
            await handle.db.updateTable('procedure_versions').set({ online_level: onlineLevel.level }).where('id', '=', version.id).execute()
          }
          const scopes = place.units.map((u) => u.id)
          const byReceiver = (await monthCountsFromPartials(handle.db, scopes, windows, 'receiving_unit_id'))!
          const byDecider = attribution === 'decider' ? (await monthCountsFromPartials(handle.db, scopes, windows, 'deciding_unit_id'))! : byReceiver
          const fractionOf = (n: keyof MonthCounts, d: keyof MonthCounts) => (row: MonthCounts | undefined): Fraction => ({ numerator: Number(row?.[n] ?? 0), denominator: Number(row?.[d] ?? 0) })
          expect(plain(flagInputsFromCounts(windows, scopes, byReceiver, byDecider))).toEqual(plain(await dossierFlagInputsOverWindows(handle.db, scopes, windows, attribution)))
          expect(plain(perWindow(windows, scopes, byReceiver, fractionOf('online', 'online_eligible')))).toEqual(plain(await fullOnlineInputOverWindows(handle.db, scopes, windows)))
          expect(plain(perWindow(windows, scopes, byReceiver, fractionOf('digitized', 'digitization_eligible')))).toEqual(plain(await digitizationInputOverWindows(handle.db, scopes, windows)))
          const sorted = (rows: { w: number; scope_id: number; procedure_id: number }[]) => rows.map((r) => [Number(r.w), Number(r.scope_id), Number(r.procedure_id)].join(':')).sort()
          expect(sorted((await paidProceduresFromPartials(handle.db, scopes, windows))!)).toEqual(sorted(await paidProceduresOverDossiers(handle.db, scopes, windows)))
        },
      ),
      { numRuns: 30 },
    )
  })
})
