import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeDueAt } from '../../domain/calendar/deadline.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import type { DossierEventType } from '../../domain/dossiers/dossier-event.js'
import type { DossierStatus } from '../../domain/dossiers/dossier-status.js'
import { judgeOnTime21, type OnTimeEvent } from '../../domain/index766/on-time-2-1.js'
import { processingWorkingDays } from '../../domain/index766/processing-time-2-2.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import { dossierSatisfactionKeptUnder } from './satisfaction-kept.js'
import { byRoot } from './scope-roots.js'
import { splitPlacement } from './split-placement.js'
import { processingUnitColumn, scopeMembersOf, scopeMemberUnitIds } from './index-scope.js'
import type { Attribution } from '../indicators/rollup.repository.js'

export interface DossierHistoryInputs {
  '2.1': Fraction
  '2.2': Fraction
  '5.4': Fraction | null
}

interface DossierRow {
  id: string
  receiving_unit_id: number
  code: string
  status: string
  received_at: Date
  due_at: Date | null
  finished_at: Date | null
  rating: string | null
  processing_days: string
  cutoff_time: string | null
}

interface EventRow {
  dossier_id: string
  type: string
  at: Date
  status_after: string
  data: unknown
}

function dateOrNull(value: unknown): Date | null {
  return typeof value === 'string' || value instanceof Date ? new Date(value) : null
}

const RESULT_STATUSES = new Set(['finished', 'returned'])

/**
 * The inputs judged from each dossier's history, over the unit's subtree: the dossiers received
 * by the period's end that were not over before it began (ended in it, or open at its end), each
 * judged by `judgeOnTime21`. Reads the dossiers and their events: a district-year is tens of
 * thousands of rows, fine for a command.
 * - 2.1: on time or open within the deadline / those dossiers;
 * - 2.2 (thời gian giải quyết trung bình): working days from receipt to result, less the
 *   applicant's supplement days, summed over the dossiers finished in the period (status finished
 *   or returned, as every finished-based indicator) / those dossiers;
 * - 5.4 (hài lòng về giải quyết hồ sơ): of the 2.1 dossiers, those neither rated dissatisfied, nor
 *   named by a feedback item (phản ánh, kiến nghị) of its unit or one above, received by the period's end, nor late by 2.1 /
 *   the 2.1 dossiers. INDICATORS.md writes "(dossiers − rated dissatisfied, complained about, or
 *   late) / dossiers": "dossiers" is not only the rated ones (an unrated dossier is not rated
 *   dissatisfied), and "late" is 2.1's judgement, so the denominator is 2.1's — as 5.3 takes 5.2's.
 *   Null when nothing of the satisfaction with dossiers is kept (`dossierSatisfactionKeptUnder`).
 * Several scopes (each a unit's subtree, e.g. a district and its communes) at once: each dossier
 * is read and judged once and counted in every scope it belongs to.
 */
export async function dossierHistoryInputs(db: Kysely<Database>, calendar: WorkingCalendar, scopeIds: readonly number[], start: Date, end: Date, attribution?: Attribution): Promise<Map<number, DossierHistoryInputs>> {
  return (await dossierHistoryInputsOverWindows(db, calendar, scopeIds, [{ start, end }], attribution))[0]!
}

/** A period as instants: [start, end). */
export interface TimeWindow {
  start: Date
  end: Date
}

/**
 * `dossierHistoryInputs` for several periods at once (an index trend, month by month): the
 * dossiers and events of all of them are read once, and each dossier is judged at the end of
 * each period it belongs to.
 */
export async function dossierHistoryInputsOverWindows(db: Kysely<Database>, calendar: WorkingCalendar, scopeIds: readonly number[], windows: readonly TimeWindow[], attribution?: Attribution): Promise<Map<number, DossierHistoryInputs>[]> {
  // Judged where the dossiers are processed: the receiver, or asked by the decider the decider (index-scope.ts).
  const unitColumn = processingUnitColumn(attribution)
  const first = new Date(Math.min(...windows.map((w) => w.start.getTime())))
  const last = new Date(Math.max(...windows.map((w) => w.end.getTime())))
  const kept: Map<number, boolean>[] = []
  for (const w of windows) kept.push(await byRoot(db, scopeIds, (rootId) => dossierSatisfactionKeptUnder(db, rootId, w.end)))
  const closure = await scopeMembersOf(db, scopeIds).execute()
  const scopesOfUnit = new Map<number, number[]>()
  for (const pair of closure) scopesOfUnit.set(Number(pair.descendant_id), [...(scopesOfUnit.get(Number(pair.descendant_id)) ?? []), Number(pair.ancestor_id)])
  const splits = await splitPlacement(db, scopeIds, closure)
  const inScope = db
    .selectFrom('dossiers as d')
    .where((eb) =>
      splits === null
        ? eb(`d.${unitColumn}`, 'in', scopeMemberUnitIds(db, scopeIds))
        : eb.or([
            eb(`d.${unitColumn}`, 'in', scopeMemberUnitIds(db, scopeIds)),
            // A split unit's dossier named to a successor that is a member (dossier_heirs).
            eb.exists(eb.selectFrom('dossier_heirs as dh').select('dh.dossier_id').whereRef('dh.dossier_id', '=', 'd.id').whereRef('dh.unit_id', '=', `d.${unitColumn}`).where('dh.heir_id', 'in', scopeMemberUnitIds(db, scopeIds))),
          ]),
    )
    .where('d.received_at', '<', last)
    .where((eb) => eb.or([eb('d.finished_at', 'is', null), eb('d.finished_at', '>=', first)]))
  const dossiers: DossierRow[] = await inScope
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    // By the decider, the deciding unit stands where the receiving one does: the scopes follow it.
    .select(['d.id', `d.${unitColumn} as receiving_unit_id`, 'd.code', 'd.status', 'd.received_at', 'd.due_at', 'd.finished_at', 'd.rating', 'pv.processing_days', 'pv.cutoff_time'])
    .execute()
  const counts = windows.map(() => new Map(scopeIds.map((id) => [id, { dossiers: 0, onTime: 0, finished: 0, processingDays: 0, satisfied: 0 }])))
  const result = () =>
    windows.map(
      (_, w) =>
        new Map(
          scopeIds.map((id): [number, DossierHistoryInputs] => {
            const c = counts[w]!.get(id)!
            return [id, { '2.1': { numerator: c.onTime, denominator: c.dossiers }, '2.2': { numerator: c.processingDays, denominator: c.finished }, '5.4': kept[w]!.get(id) === true ? { numerator: c.satisfied, denominator: c.dossiers } : null }]
          }),
        ),
    )
  if (dossiers.length === 0) return result()
  const events: EventRow[] = await db
    .selectFrom('dossier_events as e')
    .where('e.dossier_id', 'in', inScope.select('d.id'))
    .select(['e.dossier_id', 'e.type', 'e.at', 'e.status_after', 'e.data'])
    .orderBy('e.dossier_id')
    .orderBy('e.seq')
    .execute()
  // A dossier counts as complained about in a period when an item naming it came by the period's end.
  const firstComplaint = new Map(
    (await db
      .selectFrom('feedback as f')
      // An item counts against a dossier of its own unit or a unit below it, or one they succeeded, never another's.
      .innerJoin('dossiers as named', 'named.code', 'f.dossier_code')
      .innerJoin('unit_closure as fc', 'fc.ancestor_id', 'f.unit_id')
      .innerJoin('unit_heirs as fh', (join) => join.onRef('fh.heir_id', '=', 'fc.descendant_id').onRef('fh.unit_id', '=', 'named.receiving_unit_id'))
      .where('f.received_at', '<', last)
      .where('named.id', 'in', inScope.select('d.id'))
      .groupBy('f.dossier_code')
      .select(['f.dossier_code', (eb) => eb.fn.min('f.received_at').as('first_at')])
      .execute()).map((f) => [f.dossier_code, new Date(f.first_at as Date)]),
  )
  const byDossier = new Map<string, OnTimeEvent[]>()
  const firstType = new Map<string, string>()
  for (const e of events) {
    const id = String(e.dossier_id)
    if (!firstType.has(id)) firstType.set(id, e.type)
    const data = (e.data ?? {}) as Record<string, unknown>
    const list = byDossier.get(id) ?? []
    list.push({
      type: e.type as DossierEventType,
      at: new Date(e.at),
      status: e.status_after as DossierStatus,
      finishedAt: dateOrNull(data.finished_at),
      returnedAt: dateOrNull(data.returned_at),
    })
    byDossier.set(id, list)
  }
  for (const d of dossiers) {
    const id = String(d.id)
    const receivedAt = new Date(d.received_at)
    const finishedAt = d.finished_at === null ? null : new Date(d.finished_at)
    // A desk dossier's due_at already holds its closed pauses; 2.1 subtracts the supplements
    // itself, so it starts from the appointment made at receipt.
    const dueAt =
      firstType.get(id) === 'receive'
        ? computeDueAt(calendar, { receivedAt, processingDays: Number(d.processing_days), ...(d.cutoff_time ? { cutoff: d.cutoff_time } : {}) })
        : d.due_at === null
          ? null
          : new Date(d.due_at)
    const unitId = Number(d.receiving_unit_id)
    const heirId = splits?.heirOf(id, unitId)
    const scopes = heirId === undefined ? (scopesOfUnit.get(unitId) ?? []) : splits!.scopesOf(unitId, heirId)
    windows.forEach(({ start, end }, w) => {
      // Received by the period's end and not over before it began.
      if (receivedAt >= end || (finishedAt !== null && finishedAt < start)) return
      const verdict = judgeOnTime21(calendar, { receivedAt, dueAt, events: byDossier.get(id) ?? [] }, end)
      const hasResult = finishedAt !== null && finishedAt < end && RESULT_STATUSES.has(d.status)
      const days = hasResult ? processingWorkingDays(calendar, receivedAt, finishedAt, verdict.supplementWorkingDays) : 0
      const complaint = firstComplaint.get(d.code)
      const satisfied = verdict.onTime && d.rating !== 'dissatisfied' && !(complaint !== undefined && complaint < end)
      for (const scopeId of scopes) {
        const c = counts[w]!.get(scopeId)!
        c.dossiers += 1
        if (verdict.onTime) c.onTime += 1
        if (hasResult) {
          c.finished += 1
          c.processingDays += days
        }
        if (satisfied) c.satisfied += 1
      }
    })
  }
  return result()
}
