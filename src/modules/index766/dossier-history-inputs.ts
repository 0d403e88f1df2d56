import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeDueAt } from '../../domain/calendar/deadline.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import type { DossierEventType } from '../../domain/dossiers/dossier-event.js'
import type { DossierStatus } from '../../domain/dossiers/dossier-status.js'
import { judgeOnTime21, type OnTimeEvent } from '../../domain/index766/on-time-2-1.js'
import { processingWorkingDays } from '../../domain/index766/processing-time-2-2.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import { dossierSatisfactionKept } from './satisfaction-kept.js'

export interface DossierHistoryInputs {
  '2.1': Fraction
  '2.2': Fraction
  '5.4': Fraction | null
}

interface DossierRow {
  id: string
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
 *   Null when nothing of the satisfaction with dossiers is kept (`dossierSatisfactionKept`).
 */
export async function dossierHistoryInputs(db: Kysely<Database>, calendar: WorkingCalendar, unitId: number, start: Date, end: Date): Promise<DossierHistoryInputs> {
  const satisfactionKept = await dossierSatisfactionKept(db, unitId, end)
  const inScope = db
    .selectFrom('dossiers as d')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'd.receiving_unit_id')
    .where('c.ancestor_id', '=', unitId)
    .where('d.received_at', '<', end)
    .where((eb) => eb.or([eb('d.finished_at', 'is', null), eb('d.finished_at', '>=', start)]))
  const dossiers: DossierRow[] = await inScope
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .select(['d.id', 'd.code', 'd.status', 'd.received_at', 'd.due_at', 'd.finished_at', 'd.rating', 'pv.processing_days', 'pv.cutoff_time'])
    .execute()
  const empty = { numerator: 0, denominator: 0 }
  if (dossiers.length === 0) return { '2.1': empty, '2.2': empty, '5.4': satisfactionKept ? empty : null }
  const events: EventRow[] = await db
    .selectFrom('dossier_events as e')
    .where('e.dossier_id', 'in', inScope.select('d.id'))
    .select(['e.dossier_id', 'e.type', 'e.at', 'e.status_after', 'e.data'])
    .orderBy('e.dossier_id')
    .orderBy('e.seq')
    .execute()
  const complained = new Set(
    (await db
      .selectFrom('feedback as f')
      // An item counts against a dossier of its own unit or a unit below it, never another's.
      .innerJoin('dossiers as named', 'named.code', 'f.dossier_code')
      .innerJoin('unit_closure as fc', (join) => join.onRef('fc.descendant_id', '=', 'named.receiving_unit_id').onRef('fc.ancestor_id', '=', 'f.unit_id'))
      .where('f.received_at', '<', end)
      .where('named.id', 'in', inScope.select('d.id'))
      .select('f.dossier_code')
      .distinct()
      .execute()).map((f) => f.dossier_code),
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
  let onTime = 0
  let finished = 0
  let processingDays = 0
  let satisfied = 0
  for (const d of dossiers) {
    const id = String(d.id)
    const receivedAt = new Date(d.received_at)
    // A desk dossier's due_at already holds its closed pauses; 2.1 subtracts the supplements
    // itself, so it starts from the appointment made at receipt.
    const dueAt =
      firstType.get(id) === 'receive'
        ? computeDueAt(calendar, { receivedAt, processingDays: Number(d.processing_days), ...(d.cutoff_time ? { cutoff: d.cutoff_time } : {}) })
        : d.due_at === null
          ? null
          : new Date(d.due_at)
    const verdict = judgeOnTime21(calendar, { receivedAt, dueAt, events: byDossier.get(id) ?? [] }, end)
    if (verdict.onTime) onTime += 1
    const finishedAt = d.finished_at === null ? null : new Date(d.finished_at)
    if (finishedAt !== null && finishedAt < end && RESULT_STATUSES.has(d.status)) {
      finished += 1
      processingDays += processingWorkingDays(calendar, receivedAt, finishedAt, verdict.supplementWorkingDays)
    }
    if (verdict.onTime && d.rating !== 'dissatisfied' && !complained.has(d.code)) satisfied += 1
  }
  return {
    '2.1': { numerator: onTime, denominator: dossiers.length },
    '2.2': { numerator: processingDays, denominator: finished },
    '5.4': satisfactionKept ? { numerator: satisfied, denominator: dossiers.length } : null,
  }
}
