import fc from 'fast-check'
import type { Kysely } from 'kysely'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import type { Database } from '../../src/db/schema.js'
import { CalendarDayKind, type CalendarDay } from '../../src/domain/calendar/calendar-day.js'
import { builtInDaysForYear, WorkingCalendar } from '../../src/domain/calendar/working-calendar.js'
import { addDays, isWeekend, type LocalDate } from '../../src/domain/time/local-date.js'
import { startOfVietnamDay } from '../../src/domain/time/vietnam-time.js'
import { loadIndexDistrict } from './index766-district.js'

const HOUR = 3_600_000

/** Any history the desk or an import may leave: receipt or import first, then steps in any order and at any times. */
export interface RandomHistory {
  unitIndex: number
  procedureIndex: number
  receivedHour: number
  /** Minutes past the hour: receipts fall around cut-offs too. */
  receivedMinute: number
  dueHours: number | null
  finishedHours: number | null
  status: string
  rating: string | null
  first: { type: 'receive' } | { type: 'imported'; status: string; finishedHours: number | null; returnedHours: number | null }
  steps: { type: string; hours: number; status: string; finishedHours: number | null; returnedHours: number | null }[]
  /** Hours after receipt a feedback item naming the dossier came, and from which unit. */
  complaints: { hours: number; unitIndex: number }[]
}

const ENDED = ['finished', 'returned', 'rejected', 'withdrawn']
const statusArb = fc.constantFrom('received', 'processing', 'supplement', 'paused', ...ENDED)
const stepType = fc.constantFrom('request_supplement', 'supplement_received', 'request_supplement', 'supplement_received', 'pause', 'resume', 'hand_over', 'finish', 'return', 'reject', 'withdraw', 'status_synced')
const hoursWithin = (days: number) => fc.integer({ min: 0, max: days * 24 })

export function randomHistory(units: number, procedures: number, spanDays: number): fc.Arbitrary<RandomHistory> {
  return fc.record({
    unitIndex: fc.nat({ max: units - 1 }),
    procedureIndex: fc.nat({ max: procedures - 1 }),
    receivedHour: hoursWithin(spanDays),
    receivedMinute: fc.constantFrom(0, 0, 30, 59),
    dueHours: fc.option(fc.integer({ min: -30, max: 20 * 24 }), { nil: null }),
    finishedHours: fc.option(hoursWithin(40), { nil: null }),
    status: statusArb,
    rating: fc.constantFrom(null, 'satisfied', 'very_satisfied', 'dissatisfied'),
    first: fc.oneof(
      fc.constant({ type: 'receive' as const }),
      fc.record({ type: fc.constant('imported' as const), status: statusArb, finishedHours: fc.option(hoursWithin(40), { nil: null }), returnedHours: fc.option(hoursWithin(45), { nil: null }) }),
    ),
    steps: fc.array(fc.record({ type: stepType, hours: hoursWithin(40), status: statusArb, finishedHours: fc.option(hoursWithin(40), { nil: null }), returnedHours: fc.option(hoursWithin(45), { nil: null }) }), { maxLength: 7 }),
    complaints: fc.array(fc.record({ hours: fc.integer({ min: -24, max: 60 * 24 }), unitIndex: fc.nat({ max: units - 1 }) }), { maxLength: 2 }),
  })
}

/** A calendar with the built-in days and some more: weekdays off and weekend days worked. */
export function randomCalendar(): fc.Arbitrary<WorkingCalendar> {
  return fc
    .array(fc.record({ offset: fc.nat({ max: 3 * 366 }), holiday: fc.boolean() }), { maxLength: 40 })
    .map((extra) => {
      const added = new Map<LocalDate, CalendarDay>()
      for (const { offset, holiday } of extra) {
        const date = addDays('2024-01-01', offset)
        const kind = isWeekend(date) ? (holiday ? null : CalendarDayKind.workday) : holiday ? CalendarDayKind.holiday : null
        if (kind) added.set(date, { date, kind, name: 'ngày thử', source: 'kiểm thử' })
      }
      const calendar = new WorkingCalendar((year) => [...builtInDaysForYear(year), ...[...added.values()].filter((d) => d.date.startsWith(`${year}-`))])
      // A failing case names the days added, not the whole calendar.
      return Object.assign(calendar, { [fc.toStringMethod]: () => `built-in calendar + ${JSON.stringify([...added.values()].map((d) => `${d.date} ${d.kind}`))}` })
    })
}

export interface HistoryPlace {
  units: { id: number }[]
  procedureVersions: { id: number; procedure_id: number }[]
  /** The first moment a dossier may be received. */
  base: number
}

/**
 * The index district (index766-district.ts) ready for random histories from `baseDate`: its units
 * and procedure versions, the first version with a fractional time limit (2,5 days: rounded up
 * to 3 working days).
 */
export async function loadHistoryPlace(handle: DatabaseHandle, baseDate: LocalDate): Promise<HistoryPlace> {
  await loadIndexDistrict(handle)
  const first = await handle.db.selectFrom('procedure_versions').select('id').orderBy('id').executeTakeFirstOrThrow()
  await handle.db.updateTable('procedure_versions').set({ processing_days: '2.5' }).where('id', '=', first.id).execute()
  return {
    units: await handle.db.selectFrom('units').select('id').orderBy('id').execute(),
    procedureVersions: await handle.db.selectFrom('procedure_versions').select(['id', 'procedure_id']).orderBy('id').execute(),
    base: startOfVietnamDay(baseDate).getTime(),
  }
}

/**
 * Writes the dossiers, their events (in two statements, so a history grows after it was first
 * written, as at the desk) and the feedback naming them. Columns keep the table's own rules
 * (a finished dossier has its time; nothing ends before it was received).
 */
export async function writeHistories(db: Kysely<Database>, place: HistoryPlace, histories: readonly RandomHistory[], prefix: string): Promise<void> {
  const at = (received: Date, hours: number) => new Date(received.getTime() + hours * HOUR)
  const later: { dossier_id: string; seq: number; type: string; at: Date; actor: string; status_after: string; data: string }[] = []
  for (const [i, h] of histories.entries()) {
    const unit = place.units[h.unitIndex]!
    const version = place.procedureVersions[h.procedureIndex]!
    const receivedAt = new Date(place.base + h.receivedHour * HOUR + h.receivedMinute * 60_000)
    const finishedAt = h.finishedHours === null && !['finished', 'returned'].includes(h.status) ? null : at(receivedAt, h.finishedHours ?? 0)
    const code = `${prefix}-${i}`
    const { id } = await db
      .insertInto('dossiers')
      .values({
        code, receiving_unit_id: unit.id, deciding_unit_id: unit.id, procedure_id: version.procedure_id, procedure_version_id: version.id, channel: 'direct',
        status: h.status, received_at: receivedAt, due_at: h.dueHours === null ? null : at(receivedAt, h.dueHours), finished_at: finishedAt, rating: h.rating,
        fee_vnd: 0, components_total: 0, components_digitized: 0, result_digitized: false, paid_online: false, ecert_copies: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const dataOf = (finishedHours: number | null, returnedHours: number | null) =>
      JSON.stringify({ finished_at: finishedHours === null ? null : at(receivedAt, finishedHours).toISOString(), returned_at: returnedHours === null ? null : at(receivedAt, returnedHours).toISOString() })
    const firstEvent =
      h.first.type === 'receive'
        ? { type: 'receive', status_after: 'received', data: '{}' }
        : { type: 'imported', status_after: h.first.status, data: dataOf(h.first.finishedHours, h.first.returnedHours) }
    const events = [
      { ...firstEvent, at: receivedAt },
      ...h.steps.map((s) => ({ type: s.type, at: at(receivedAt, s.hours), status_after: s.status, data: s.type === 'status_synced' ? dataOf(s.finishedHours, s.returnedHours) : '{}' })),
    ].map((e, seq) => ({ dossier_id: id, seq: seq + 1, actor: 'kiểm thử', ...e }))
    const half = Math.ceil(events.length / 2)
    await db.insertInto('dossier_events').values(events.slice(0, half)).execute()
    later.push(...events.slice(half))
    for (const [k, c] of h.complaints.entries()) {
      await db
        .insertInto('feedback')
        .values({ code: `${code}-PA${k}`, unit_id: place.units[c.unitIndex]!.id, received_at: at(receivedAt, c.hours), channel: 'phone', summary: 'phản ánh thử', dossier_code: code })
        .execute()
    }
  }
  if (later.length > 0) await db.insertInto('dossier_events').values(later).execute()
}
