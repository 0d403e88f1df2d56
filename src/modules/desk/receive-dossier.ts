import { assertMayReceive, decidingUnitOn } from '../units/receiving-units.js'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { computeDueAt } from '../../domain/calendar/deadline.js'
import type { DossierFlags } from '../../domain/dossiers/dossier-flags.js'
import type { Channel } from '../../domain/dossiers/dossier-status.js'
import type { ProcedureComponent } from '../../domain/procedures/procedure-input.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { writeAudit } from '../audit/write-audit.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { versionAt } from '../dossiers/import/dossier-lookups.js'
import { guardProcedureLevel, guardDecidingLevel } from './desk-confirmations.js'
import { tellApplicant, type ApplicantNoticeSettings } from '../portal/tell-applicant.js'

export interface ReceiveDossierInput {
  unit: { id: number; code: string }
  /** The unit that decides it, when another (Decree 118/2025: received at any commune); default the receiving unit. */
  decidingUnitCode?: string
  procedureCode: string
  applicant: { name: string; idNumber: string | null; phone: string | null; address: string | null }
  channel: Channel
  /** Positions (1-based, in the procedure's list) of the components handed in. */
  receivedComponents: readonly number[]
  /** Defaults to the procedure's fee. */
  feeVnd?: number
  paidOnline?: boolean
  /** Back-office entry of a paper receipt: when it was received. Defaults to now. */
  receivedAt?: Date
  /** Decision 766 facts known at receipt (VNeID used, data reused…); the others stay unknown (null). */
  flags?: Partial<DossierFlags>
  /** The officer confirmed receiving a procedure of a higher level (liên thông). */
  confirmProcedureLevel?: boolean
  actor: string
  ip?: string | null
  /** Online intake: what the portal stores with the dossier (its uploads, the applicant's contact), in the same transaction. */
  alsoInTransaction?: (trx: Transaction<Database>, dossier: { id: string; code: string; dueAt: Date }) => Promise<void>
  /** Tell the applicant of the receipt (SMS, e-mail) through the outbox; a back-office entry of an old paper receipt tells nobody. */
  tellApplicant?: ApplicantNoticeSettings
}

export interface ReceivedDossier {
  code: string
  receivedAt: Date
  dueAt: Date
}

/** A time in the future by more than this is a mistake, not a back-office entry. */
const CLOCK_SKEW_MS = 5 * 60_000

/** `<unit code>-<yymmdd>-<seq>`: the day in Vietnam time, the sequence per unit and day. */
export function formatDossierCode(unitCode: string, day: string, seq: number): string {
  return `${unitCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(3, '0')}`
}

async function nextDossierCode(trx: Transaction<Database>, unit: { id: number; code: string }, day: string): Promise<string> {
  // The counter row is locked by the upsert: two receipts at once get two numbers. A code an
  // import already used is skipped.
  for (;;) {
    const { last_seq } = await trx
      .insertInto('dossier_code_counters')
      .values({ unit_id: unit.id, day, last_seq: 1 })
      .onConflict((oc) => oc.columns(['unit_id', 'day']).doUpdateSet({ last_seq: sql<number>`dossier_code_counters.last_seq + 1` }))
      .returning('last_seq')
      .executeTakeFirstOrThrow()
    const code = formatDossierCode(unit.code, day, last_seq)
    const taken = await trx.selectFrom('dossiers').select('id').where('code', '=', code).executeTakeFirst()
    if (!taken) return code
  }
}

/**
 * Receiving a dossier at the desk (tiếp nhận): the procedure version in force, the components
 * checklist (every required one must be there — an incomplete dossier is not received, the
 * applicant is told what is missing), the appointment date from the working calendar, a new
 * code; the dossier, its components, the `receive` event and the audit row in one transaction.
 * The rollups follow through their triggers.
 */
export async function receiveDossier(db: Kysely<Database>, input: ReceiveDossierInput, now = new Date()): Promise<ReceivedDossier> {
  const receivedAt = input.receivedAt ?? now
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError(ErrorCode.validation, 'received_at in the future', 'Thời điểm tiếp nhận không được ở tương lai')
  }
  const calendar = await loadWorkingCalendar(db)
  return db.transaction().execute(async (trx) => {
    // A dissolved unit receives nothing more: the officer is told which unit took it over.
    await assertMayReceive(trx, input.unit.code, toVietnamDate(receivedAt))
    const decidingUnitId = input.decidingUnitCode === undefined ? input.unit.id : await decidingUnitOn(trx, input.decidingUnitCode, toVietnamDate(receivedAt))
    const versions = await trx
      .selectFrom('procedure_versions as pv')
      .innerJoin('procedures as p', 'p.id', 'pv.procedure_id')
      .select(['p.id as procedure_id', 'pv.id', 'pv.valid_from', 'pv.processing_days', 'pv.cutoff_time', 'pv.fee_vnd', 'pv.components', 'pv.level'])
      .where('p.code', '=', input.procedureCode)
      .orderBy('pv.version')
      .execute()
    if (versions.length === 0) {
      throw new AppError(ErrorCode.notFound, `unknown procedure ${input.procedureCode}`, `Không có thủ tục hành chính với mã ${input.procedureCode}`)
    }
    const chosen = versionAt(
      versions.map((v) => ({ id: v.id, validFrom: v.valid_from, processingDays: Number(v.processing_days), cutoffTime: v.cutoff_time })),
      receivedAt,
    )
    const version = versions.find((v) => v.id === chosen.id)!
    const components = (version.components ?? []) as ProcedureComponent[]
    const { levelConfirmed } = await guardProcedureLevel(trx, input.unit.id, version.level, input.confirmProcedureLevel ?? false)
    if (decidingUnitId !== input.unit.id) await guardDecidingLevel(trx, decidingUnitId, version.level)

    const received = new Set(input.receivedComponents)
    const unknown = [...received].filter((position) => position < 1 || position > components.length)
    if (unknown.length > 0) {
      throw new AppError(ErrorCode.validation, `unknown component positions ${unknown.join(', ')}`, `Thủ tục không có thành phần hồ sơ số ${unknown.join(', ')}`)
    }
    const missing = components.map((c, i) => ({ ...c, position: i + 1 })).filter((c) => c.required && !received.has(c.position))
    if (missing.length > 0) {
      throw new AppError(
        ErrorCode.validation,
        `required components missing: ${missing.map((c) => c.position).join(', ')}`,
        `Hồ sơ chưa đủ thành phần bắt buộc: ${missing.map((c) => c.name).join('; ')}`,
        missing.map((c) => ({ column: `received_components`, value: String(c.position), reason: `thiếu: ${c.name}` })),
      )
    }
    const feeVnd = input.feeVnd ?? Number(version.fee_vnd)
    if (input.paidOnline && feeVnd <= 0) {
      throw new AppError(ErrorCode.validation, 'paid online without a fee', 'Hồ sơ không có phí, lệ phí thì không thể thanh toán trực tuyến')
    }

    const dueAt = computeDueAt(calendar, {
      receivedAt,
      processingDays: chosen.processingDays,
      ...(chosen.cutoffTime ? { cutoff: chosen.cutoffTime } : {}),
    })
    const code = await nextDossierCode(trx, input.unit, toVietnamDate(receivedAt))
    const dossier = await trx
      .insertInto('dossiers')
      .values({
        code,
        receiving_unit_id: input.unit.id,
        deciding_unit_id: decidingUnitId,
        procedure_id: version.procedure_id,
        procedure_version_id: version.id,
        applicant_name: input.applicant.name,
        applicant_id_number: input.applicant.idNumber,
        applicant_phone: input.applicant.phone,
        applicant_address: input.applicant.address,
        channel: input.channel,
        status: 'received',
        received_at: receivedAt,
        due_at: dueAt,
        components_total: received.size,
        components_digitized: 0,
        result_digitized: false,
        fee_vnd: feeVnd,
        paid_online: input.paidOnline ?? false,
        paid_at: input.paidOnline ? receivedAt : null,
        ecert_copies: 0,
        synced_national: input.flags?.syncedNational ?? null,
        reused_data: input.flags?.reusedData ?? null,
        linked_data_store: input.flags?.linkedDataStore ?? null,
        population_data_used: input.flags?.populationDataUsed ?? null,
        result_on_paper: input.flags?.resultOnPaper ?? null,
        e_result_issued: input.flags?.eResultIssued ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (components.length > 0) {
      await trx
        .insertInto('dossier_components')
        .values(components.map((c, i) => ({ dossier_id: dossier.id, position: i + 1, name: c.name, required: c.required, received: received.has(i + 1), digitized: false })))
        .execute()
    }
    const backOffice = input.receivedAt !== undefined
    await trx
      .insertInto('dossier_events')
      .values({
        dossier_id: dossier.id,
        seq: 1,
        type: 'receive',
        at: receivedAt,
        actor: input.actor,
        reason: null,
        status_after: 'received',
        data: JSON.stringify({ channel: input.channel, components_received: [...received].sort((a, b) => a - b), back_office: backOffice, ...(levelConfirmed ? { level_confirmed: true } : {}) }),
      })
      .execute()
    if (input.alsoInTransaction) await input.alsoInTransaction(trx, { id: dossier.id, code, dueAt })
    if (input.tellApplicant && !backOffice) {
      await tellApplicant(trx, dossier.id, { kind: 'event', type: 'receive', reason: null }, 'receive', input.tellApplicant)
    }
    await writeAudit(trx, {
      actor: input.actor,
      ip: input.ip ?? null,
      action: 'dossier.receive',
      entity: 'dossier',
      entityId: code,
      summary: {
        unit: input.unit.code, procedure: input.procedureCode, channel: input.channel, received_at: receivedAt.toISOString(), due_at: dueAt.toISOString(),
        components_total: received.size, fee_vnd: feeVnd, back_office: backOffice, ...(levelConfirmed ? { level_confirmed: true } : {}),
        ...(input.flags ? { flags: input.flags } : {}),
      },
    })
    return { code, receivedAt, dueAt }
  })
}
