import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { DOSSIER_EVENT_LABELS, type DossierEventType } from '../../domain/dossiers/dossier-event.js'
import { AppError, ErrorCode, isAppError, type ErrorDetail } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { recordDossierEvent } from '../dossiers/record-dossier-event.js'
import { guardReturn } from './desk-confirmations.js'
import type { Viewer } from './dossier-queries.js'

/** The steps the counter takes on many dossiers at once. */
export const BULK_STEP_TYPES = ['hand_over', 'return'] as const
export type BulkStepType = (typeof BULK_STEP_TYPES)[number]

export interface BulkStep {
  type: BulkStepType
  codes: readonly string[]
  actor: string
  ip?: string | null
  /** Return dossiers whose fee is not paid (the officer saw the warning). */
  confirmUnpaidFee?: boolean
}

/**
 * One step on many dossiers, all or nothing: every dossier is checked and stepped in one
 * transaction; if any cannot take the step (not in the caller's units, a status that does not
 * allow it, a fee not paid and not confirmed) nothing is written and each such dossier is named
 * with its reason in Vietnamese.
 */
export async function recordBulkStep(db: Kysely<Database>, step: BulkStep, viewer: Viewer): Promise<{ code: string; status: string }[]> {
  const codes = [...new Set(step.codes)]
  const label = DOSSIER_EVENT_LABELS[step.type as DossierEventType]
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('dossiers')
      .select(['id', 'code', 'status', 'receiving_unit_id', 'deciding_unit_id', 'fee_vnd', 'paid_at'])
      .where('code', 'in', codes)
      .orderBy('id')
      .forUpdate()
      .execute()
    const byCode = new Map(rows.map((r) => [r.code, r]))
    const failures: ErrorDetail[] = []
    const done: { code: string; status: string }[] = []
    // A dossier outside the caller's units is answered as not existing, as everywhere (404).
    const unseen = codes.filter((code) => {
      const row = byCode.get(code)
      return !row || !(viewer.unitIds.has(row.receiving_unit_id) || viewer.unitIds.has(row.deciding_unit_id))
    })
    if (unseen.length > 0) {
      throw new AppError(ErrorCode.notFound, `bulk ${step.type}: ${unseen.length} not visible`, `Không có hồ sơ với mã ${unseen.join(', ')} trong phạm vi bạn được xem; không hồ sơ nào được thay đổi`,
        unseen.map((code) => ({ value: code, reason: 'không có hồ sơ này trong phạm vi bạn được xem' })))
    }
    for (const code of codes) {
      const row = byCode.get(code)!
      try {
        const confirmed = step.type === 'return' ? guardReturn(row, step.confirmUnpaidFee ?? false).unpaidFeeConfirmed : false
        const state = await recordDossierEvent(trx, code, { type: step.type, actor: step.actor, actingFor: viewer.unitIds, ...(confirmed ? { data: { unpaid_fee_confirmed: true, bulk: true } } : { data: { bulk: true } }) })
        done.push({ code, status: state.status })
      } catch (error) {
        // A step the rules refuse is refused before anything is written: the others still get checked.
        if (!isAppError(error)) throw error
        failures.push({ value: code, reason: error.userMessage, ...(error.code === ErrorCode.confirmationRequired ? { column: error.details[0]?.column ?? '' } : {}) })
      }
    }
    if (failures.length > 0) {
      // Only warnings left: the officer may confirm them all and send again.
      const onlyWarnings = failures.every((f) => f.column !== undefined)
      throw new AppError(
        onlyWarnings ? ErrorCode.confirmationRequired : ErrorCode.conflict,
        `bulk ${step.type}: ${failures.length} of ${codes.length} refused`,
        `Không thực hiện "${label}" cho ${failures.length}/${codes.length} hồ sơ nên không hồ sơ nào được thay đổi: ${failures.map((f) => `${f.value} — ${f.reason}`).join('; ')}`,
        failures,
      )
    }
    await writeAudit(trx, { actor: step.actor, ip: step.ip ?? null, action: `dossier.bulk_${step.type}`, entity: 'dossier', entityId: null, summary: { codes, count: codes.length, confirm_unpaid_fee: step.confirmUnpaidFee ?? false } })
    return done
  })
}
