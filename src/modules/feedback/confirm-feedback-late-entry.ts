import type { Kysely } from 'kysely'
import type { Database, LateEntryField } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { Actor } from '../accounts/actor.js'
import { writeAudit } from '../audit/write-audit.js'
import { lockLateEntry, markConfirmed } from '../late-entries/late-entries.repository.js'

/** Times that must stay in this order once a claimed time replaces the recorded one. */
const ORDER: readonly (readonly [LateEntryField, LateEntryField])[] = [
  ['received_at', 'supplement_requested_at'], ['received_at', 'rejected_at'], ['received_at', 'handled_at'], ['handled_at', 'published_at'],
]

/**
 * A leader of a unit above the item's unit confirms the time a late entry (nhập bù) claims:
 * the item's column takes it, and Decision 766 5.2 judges by it from then on. The unit that
 * entered it cannot confirm it (the point of the confirmation), nor can an officer.
 */
export async function confirmFeedbackLateEntry(db: Kysely<Database>, feedbackId: string, entryId: string, actor: Actor, ip: string | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await trx.selectFrom('feedback').selectAll().where('id', '=', feedbackId).forUpdate().executeTakeFirst()
    if (!item || !actor.unitIds.has(item.unit_id)) throw new AppError(ErrorCode.notFound, `no visible feedback ${feedbackId}`, `Không có phản ánh, kiến nghị số ${feedbackId} trong phạm vi bạn được xem`)
    if (actor.role !== 'leader' || actor.unitId === item.unit_id) {
      throw new AppError(ErrorCode.forbidden, 'late entry confirmed by its unit or a non-leader', 'Chỉ lãnh đạo đơn vị cấp trên xác nhận thời điểm nhập bù của phản ánh')
    }
    const late = /^\d{1,18}$/.test(entryId) ? await lockLateEntry(trx, 'feedback', feedbackId, entryId) : undefined
    if (!late) throw new AppError(ErrorCode.notFound, `no late entry ${entryId}`, `Không có thời điểm nhập bù số ${entryId} của phản ánh này`)
    if (late.confirmed_at !== null || late.field === 'received_at') throw new AppError(ErrorCode.conflict, 'nothing to confirm', 'Thời điểm nhập bù này không chờ xác nhận')
    const times: Partial<Record<LateEntryField, Date | null>> = { ...item, [late.field]: late.claimed_at }
    const broken = ORDER.find(([before, after]) => {
      const a = times[before]
      const b = times[after]
      return a != null && b != null && b.getTime() < a.getTime()
    })
    if (broken) throw new AppError(ErrorCode.validation, `confirmed ${late.field} out of order`, `Không xác nhận được: thời điểm khai của bước này trước thời điểm của bước trước (${broken[0]})`)
    await trx.updateTable('feedback').set({ [late.field]: late.claimed_at, updated_at: new Date() }).where('id', '=', feedbackId).execute()
    await markConfirmed(trx, late.id, actor.label, new Date())
    await writeAudit(trx, {
      actor: actor.label, ip, action: 'feedback.confirm_late_entry', entity: 'feedback', entityId: feedbackId,
      summary: { code: item.code, field: late.field, claimed_at: late.claimed_at.toISOString(), recorded_at: late.recorded_at.toISOString(), reason: late.reason },
    })
  })
}
