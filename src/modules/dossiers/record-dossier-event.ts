import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeDueAt } from '../../domain/calendar/deadline.js'
import type { DossierEvent, DossierEventType } from '../../domain/dossiers/dossier-event.js'
import { applyDossierEvent, replayDossier, type DossierState } from '../../domain/dossiers/replay-dossier.js'
import { workStageOf } from '../../domain/dossiers/dossier-stage.js'
import { assertNewStepAllowed } from '../../domain/dossiers/step-rules.js'
import { sidesActedFor, type DossierSide } from '../../domain/dossiers/dossier-sides.js'
import type { Role } from '../../domain/accounts/role.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { writeAudit } from '../audit/write-audit.js'
import { historyOf } from './history-of.js'
import { tellApplicant, type ApplicantNoticeSettings } from '../portal/tell-applicant.js'

/** A step runs in the caller's transaction when given one (bulk steps: all or nothing), else in its own. */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work)
}

export interface NewDossierEvent {
  type: DossierEventType
  actor: string
  reason?: string | null
  /** Defaults to now. */
  at?: Date
  data?: Record<string, unknown>
  /** The taker's role: some steps belong to a role (approval to a leader); null for a system. */
  role?: Role | null
  /**
   * For whom the step is taken: an official's units (a step of the receiving or the deciding
   * unit is theirs only when that unit is among them — dossier-sides.ts), or the applicant on
   * the portal (the desk's side: a supplement sent online).
   */
  actingFor: ReadonlySet<number> | 'applicant'
  /** For a hand-over or an assignment: the specialist named and the unit the dossier goes to. */
  assignee?: { userId: number; username: string } | null
  assignedUnit?: { id: number; code: string } | null
  /** Tell the applicant of the step (SMS, e-mail) through the outbox, in the step's transaction. */
  tellApplicant?: ApplicantNoticeSettings
  /** What comes with the step (the files of an online supplement), written in its transaction once the step is allowed. */
  alsoInTransaction?: (trx: Transaction<Database>, dossier: { id: string; code: string }) => Promise<void>
}

/**
 * One step at the desk: the history is read and replayed, the step is checked against the
 * transition table (a refused step writes nothing), then the event is appended and the
 * dossier's derived columns (status, finished/returned times, due date after a pause) are
 * updated in the same transaction — the rollups follow through their triggers.
 */
export async function recordDossierEvent(db: Kysely<Database>, dossierCode: string, step: NewDossierEvent): Promise<DossierState> {
  const calendar = await loadWorkingCalendar(db)
  return inTransaction(db, async (trx) => {
    const dossier = await trx
      .selectFrom('dossiers')
      .innerJoin('procedure_versions', 'procedure_versions.id', 'dossiers.procedure_version_id')
      .select(['dossiers.id', 'dossiers.due_at', 'dossiers.receiving_unit_id', 'dossiers.deciding_unit_id', 'procedure_versions.processing_days', 'procedure_versions.cutoff_time'])
      .where('dossiers.code', '=', dossierCode)
      .forUpdate()
      .executeTakeFirst()
    if (!dossier) throw new AppError(ErrorCode.notFound, `unknown dossier ${dossierCode}`, `Không có hồ sơ với mã ${dossierCode}`)
    const rows = await trx.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossier.id).orderBy('seq').execute()
    const history = historyOf(rows)
    const event: DossierEvent = {
      type: step.type, at: step.at ?? new Date(), actor: step.actor, reason: step.reason ?? null,
      assignee: step.assignee?.username ?? null, assignedUnit: step.assignedUnit?.code ?? null,
    }
    const before = replayDossier(history)
    const sides = step.actingFor === 'applicant' ? new Set<DossierSide>(['receiver']) : sidesActedFor(dossier, step.actingFor)
    assertNewStepAllowed(step.type, before, { actor: step.actor, role: step.role ?? null, sides })
    const state = applyDossierEvent(before, event)
    const assigning = step.type === 'hand_over' || step.type === 'assign'
    const assignment = assigning ? { assignee: step.assignee?.username ?? null, assigned_unit: step.assignedUnit?.code ?? state.assignedUnit } : {}
    await trx
      .insertInto('dossier_events')
      .values({
        dossier_id: dossier.id,
        seq: rows.length + 1,
        type: event.type,
        at: event.at,
        actor: event.actor,
        reason: event.reason ?? null,
        status_after: state.status,
        data: JSON.stringify({ ...(step.data ?? {}), ...assignment }),
      })
      .execute()
    // A dossier received at the desk has its due date from the calendar; pauses push it back.
    const dueAt =
      rows[0]?.type === 'receive'
        ? computeDueAt(calendar, {
            receivedAt: state.receivedAt,
            processingDays: Number(dossier.processing_days),
            ...(dossier.cutoff_time ? { cutoff: dossier.cutoff_time } : {}),
            pauses: state.clockStops.map((stop) => ({ from: stop.from, to: stop.to })),
          })
        : dossier.due_at
    await trx
      .updateTable('dossiers')
      .set({
        status: state.status, finished_at: state.finishedAt, returned_at: state.returnedAt, due_at: dueAt, updated_at: sql<Date>`now()`, work_stage: workStageOf(state),
        ...(assigning ? { assignee_user_id: step.assignee?.userId ?? null, ...(step.assignedUnit ? { assigned_unit_id: step.assignedUnit.id } : {}) } : {}),
      })
      .where('id', '=', dossier.id)
      .execute()
    if (step.alsoInTransaction) await step.alsoInTransaction(trx, { id: dossier.id, code: dossierCode })
    if (step.tellApplicant) {
      await tellApplicant(trx, dossier.id, { kind: 'event', type: event.type, reason: event.reason ?? null }, `event-${rows.length + 1}`, step.tellApplicant)
    }
    await writeAudit(trx, {
      actor: step.actor,
      action: `dossier.${step.type}`,
      entity: 'dossier',
      entityId: dossierCode,
      summary: { before: history.at(-1)?.status ?? null, after: state.status, reason: step.reason ?? null, ...assignment },
    })
    return state
  })
}
