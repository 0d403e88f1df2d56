import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { startOfVietnamDay } from '../../src/domain/time/vietnam-time.js'
import { dossierHistoryInputsOverWindows } from '../../src/modules/index766/dossier-history-inputs.js'
import { dossierHistoryInputsInDatabase } from '../../src/modules/index766/dossier-history-sql.js'
import { loadHistoryPlace, randomCalendar, randomHistory, writeHistories, type HistoryPlace } from '../support/random-dossier-history.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
let place: HistoryPlace
let batch = 0

/** Dossiers are received from 1/12/2024 over 120 days: across Tết 2025, finished up to 40 days later. */
const BASE_DATE = '2024-12-01'
const SPAN_DAYS = 120

beforeAll(async () => {
  handle = await createTestDatabase()
  place = await loadHistoryPlace(handle, BASE_DATE)
})
afterAll(async () => {
  await handle?.close()
})

/** A month, a quarter or a year the index may ask, around the dossiers' months. */
const periodArb = fc.oneof(
  fc.constantFrom('2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05').map((m) => ({ from: `${m}-01`, months: 1 })),
  fc.constantFrom('2024-10', '2025-01', '2025-04').map((m) => ({ from: `${m}-01`, months: 3 })),
  fc.constantFrom('2024-01', '2025-01').map((m) => ({ from: `${m}-01`, months: 12 })),
).map(({ from, months }) => {
  const [y, m] = from.split('-').map(Number) as [number, number]
  const endMonth = m - 1 + months
  const next = `${y + Math.floor(endMonth / 12)}-${String((endMonth % 12) + 1).padStart(2, '0')}-01`
  return { start: startOfVietnamDay(from), end: startOfVietnamDay(next) }
})

/** What may happen to dossiers already judged: their row changes, a later import brings an earlier result, a split names them to another unit. */
const changeArb = fc.record({
  kind: fc.constantFrom('row', 'earlier_result', 'heir', 'none'),
  pick: fc.nat(),
  unitIndex: fc.nat(),
  hours: fc.integer({ min: 0, max: 30 * 24 }),
  status: fc.constantFrom('finished', 'returned', 'processing', 'rejected'),
  rating: fc.constantFrom(null, 'dissatisfied', 'satisfied'),
})

type Change = typeof changeArb extends fc.Arbitrary<infer T> ? T : never

async function change(c: Change) {
  const dossiers = await handle.db.selectFrom('dossiers').select(['id', 'received_at', 'receiving_unit_id']).orderBy('id').execute()
  if (c.kind === 'none' || dossiers.length === 0) return
  const d = dossiers[c.pick % dossiers.length]!
  const unit = place.units[c.unitIndex % place.units.length]!
  const at = new Date(new Date(d.received_at).getTime() + c.hours * 3_600_000)
  if (c.kind === 'row') {
    // Moved to another deciding unit, finished (or reopened), rated again.
    const ended = ['finished', 'returned', 'rejected'].includes(c.status)
    await handle.db.updateTable('dossiers').set({ deciding_unit_id: unit.id, status: c.status, finished_at: ended ? at : null, rating: c.rating }).where('id', '=', d.id).execute()
  } else if (c.kind === 'earlier_result') {
    const last = await handle.db.selectFrom('dossier_events').select((eb) => eb.fn.max('seq').as('seq')).where('dossier_id', '=', d.id).executeTakeFirstOrThrow()
    await handle.db
      .insertInto('dossier_events')
      .values({ dossier_id: d.id, seq: Number(last.seq ?? 0) + 1, type: 'status_synced', at: new Date(at.getTime() + 40 * 86_400_000), actor: 'kiểm thử', status_after: 'finished', data: JSON.stringify({ finished_at: at.toISOString() }) })
      .execute()
  } else if (unit.id !== Number(d.receiving_unit_id)) {
    await sql`insert into dossier_heirs (dossier_id, unit_id, heir_id) values (${d.id}, ${d.receiving_unit_id}, ${unit.id}) on conflict (dossier_id, unit_id) do update set heir_id = excluded.heir_id`.execute(handle.db)
  }
}

describe('2.1, 2.2 and 5.4 from the kept partial results', () => {
  it('are exactly the figures of judging each history in turn, after any new dossiers, changes, earlier results, splits and calendars', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(randomHistory(place.units.length, place.procedureVersions.length, SPAN_DAYS), { maxLength: 12 }),
        fc.array(changeArb, { maxLength: 3 }),
        randomCalendar(),
        fc.array(periodArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('receiver' as const, 'decider' as const),
        async (histories, changes, calendar, windows, attribution) => {
          batch += 1
          await writeHistories(handle.db, place, histories, `PK${batch}`)
          for (const c of changes) await change(c)
          const scopes = place.units.map((u) => u.id)
          const reference = await dossierHistoryInputsOverWindows(handle.db, calendar, scopes, windows, attribution)
          const kept = await dossierHistoryInputsInDatabase(handle.db, calendar, scopes, windows, attribution)
          expect(kept.map((byScope) => [...byScope])).toEqual(reference.map((byScope) => [...byScope]))
          // Asked again: read from the rows just kept, the same figures.
          const again = await dossierHistoryInputsInDatabase(handle.db, calendar, scopes, windows, attribution)
          expect(again.map((byScope) => [...byScope])).toEqual(reference.map((byScope) => [...byScope]))
        },
      ),
      { numRuns: 30 },
    )
  })

  it('are kept per unit and month end, and a dossier received later makes only its unit’s rows stale', async () => {
    const { WorkingCalendar, builtInDaysForYear } = await import('../../src/domain/calendar/working-calendar.js')
    const calendar = new WorkingCalendar((year) => builtInDaysForYear(year))
    const scopes = place.units.map((u) => u.id)
    const windows = [{ start: startOfVietnamDay('2025-01-01'), end: startOfVietnamDay('2025-04-01') }]
    await dossierHistoryInputsInDatabase(handle.db, calendar, scopes, windows)
    const stamps = async () => (await sql<{ unit_id: number; unit_version: string }>`select unit_id, unit_version from index766_partials_fresh where kind = 'history' and attribution = 'receiver' and period_end = ${windows[0]!.end} order by unit_id`.execute(handle.db)).rows
    const before = await stamps()
    expect(before.length).toBe(place.units.length)
    await writeHistories(handle.db, place, [{ unitIndex: 1, procedureIndex: 0, receivedHour: 24 * 40, receivedMinute: 0, dueHours: null, finishedHours: null, status: 'received', rating: null, first: { type: 'receive' }, steps: [], complaints: [] }], 'PK-ONE')
    const reference = await dossierHistoryInputsOverWindows(handle.db, calendar, scopes, windows)
    expect((await dossierHistoryInputsInDatabase(handle.db, calendar, scopes, windows)).map((m) => [...m])).toEqual(reference.map((m) => [...m]))
    const after = await stamps()
    const moved = after.filter((s, i) => String(s.unit_version) !== String(before[i]!.unit_version)).map((s) => Number(s.unit_id))
    expect(moved).toEqual([place.units[1]!.id])
  })
})
