import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkFeedbackRules, type FeedbackInput } from '../../domain/feedback/feedback.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { settleClaimedTime } from '../../domain/time/late-entry.js'
import { writeAudit } from '../audit/write-audit.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { saveLateEntry } from '../late-entries/late-entries.repository.js'
import { feedbackValues } from './feedback-row.js'
import { checkFeedbackSubjects } from './feedback-subject.js'

export interface RecordFeedbackInput extends Omit<FeedbackInput, 'code' | 'unitCode'> {
  unit: { id: number; code: string }
  /** Given by another system; otherwise `<unit>-PA-<yymmdd>-<seq>`. */
  code: string | null
  /** Lý do nhập bù: required when the receipt is dated before the previous working day. */
  lateEntryReason?: string | null | undefined
  actor: string
  ip?: string | null
}

/** A time in the future by more than this is a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000

async function nextCode(db: Kysely<Database>, unit: { id: number; code: string }, receivedAt: Date): Promise<string> {
  const day = toVietnamDate(receivedAt)
  const prefix = `${unit.code}-PA-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from feedback where unit_id = ${unit.id} and code like ${`${prefix}%`}`.execute(db)
  return `${prefix}${String(Number(rows[0]?.n ?? 0) + 1).padStart(3, '0')}`
}

/** Receiving a feedback item (tiếp nhận phản ánh, kiến nghị): the row and its audit row in one transaction. */
export async function recordFeedback(db: Kysely<Database>, input: RecordFeedbackInput, now = new Date()): Promise<string> {
  const dated = [input.receivedAt, input.classifiedAt, input.rejectedAt, input.supplementRequestedAt, input.handledAt, input.publishedAt]
  if (dated.some((at) => at !== null && at.getTime() > now.getTime() + CLOCK_SKEW_MS)) {
    throw new AppError(ErrorCode.validation, 'feedback time in the future', 'Thời điểm tiếp nhận hoặc xử lý không được ở tương lai')
  }
  // A receipt keeps the time claimed (dating it earlier only brings the unit's deadline nearer), flagged when late.
  const settled = settleClaimedTime(input.receivedAt, now, input.lateEntryReason, await loadWorkingCalendar(db), 'claimed')
  if ('problem' in settled) throw new AppError(ErrorCode.validation, 'late entry without reason', `Thời điểm tiếp nhận: ${settled.problem}`, [{ column: 'late_entry_reason', reason: settled.problem }])
  const code = input.code ?? (await nextCode(db, input.unit, input.receivedAt))
  const full: FeedbackInput = { ...input, code, unitCode: input.unit.code }
  const broken = checkFeedbackRules(full)
  if (broken.length > 0) {
    throw new AppError(ErrorCode.validation, `feedback rules broken: ${broken.map((b) => b.field).join(', ')}`, broken.map((b) => b.reason).join('; '), broken.map((b) => ({ column: b.field, value: b.value, reason: b.reason })))
  }
  return db.transaction().execute(async (trx) => {
    const [subjectIssues = []] = await checkFeedbackSubjects(trx, [{ unitId: input.unit.id, procedureCode: input.procedureCode, dossierCode: input.dossierCode }])
    if (subjectIssues.length > 0) {
      throw new AppError(ErrorCode.validation, `feedback names an unknown subject: ${subjectIssues.map((i) => i.column).join(', ')}`,
        subjectIssues.map((i) => `${i.value}: ${i.reason}`).join('; '), subjectIssues)
    }
    const taken = await trx.selectFrom('feedback').select('id').where('unit_id', '=', input.unit.id).where('code', '=', code).executeTakeFirst()
    if (taken) throw new AppError(ErrorCode.conflict, `feedback ${code} exists`, `Đơn vị đã có phản ánh, kiến nghị mã ${code}`)
    const row = await trx.insertInto('feedback').values(feedbackValues(full, input.unit.id)).returning('id').executeTakeFirstOrThrow()
    if (settled.late) await saveLateEntry(trx, { entity: 'feedback', entityId: row.id, field: 'received_at', claim: settled.late, recordedAt: now, recordedBy: input.actor })
    await writeAudit(trx, {
      actor: input.actor, ip: input.ip ?? null, action: 'feedback.receive', entity: 'feedback', entityId: String(row.id),
      summary: { unit: input.unit.code, code, channel: input.channel, received_at: input.receivedAt.toISOString(), late_entry_reason: settled.late?.reason ?? null },
    })
    return String(row.id)
  })
}
