import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { applyFeedbackStep, type FeedbackStep } from '../../domain/feedback/feedback-steps.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { feedbackStateOf } from './feedback-row.js'

const CLOCK_SKEW_MS = 5 * 60_000

/**
 * A step on a feedback item (classify, reject, ask to supplement, handle, publish, the
 * applicant's reaction): read it locked, check the step against its state, write the change and
 * its audit row in one transaction. The caller has checked the item is visible.
 */
export async function recordFeedbackStep(db: Kysely<Database>, id: string, step: FeedbackStep, who: { actor: string; ip?: string | null }, now = new Date()): Promise<void> {
  if (step.at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError(ErrorCode.validation, 'step in the future', 'Thời điểm của bước xử lý không được ở tương lai')
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('feedback').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new AppError(ErrorCode.notFound, `no feedback ${id}`, `Không có phản ánh, kiến nghị số ${id}`)
    const change = applyFeedbackStep(feedbackStateOf(row), step)
    await trx
      .updateTable('feedback')
      .set({
        ...(change.classification !== undefined ? { classification: change.classification } : {}),
        ...(change.classifiedAt !== undefined ? { classified_at: change.classifiedAt } : {}),
        ...(change.rejectedAt !== undefined ? { rejected_at: change.rejectedAt } : {}),
        ...(change.supplementRequestedAt !== undefined ? { supplement_requested_at: change.supplementRequestedAt } : {}),
        ...(change.handledAt !== undefined ? { handled_at: change.handledAt } : {}),
        ...(change.publishedAt !== undefined ? { published_at: change.publishedAt } : {}),
        ...(change.reaction !== undefined ? { reaction: change.reaction } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
    await writeAudit(trx, {
      actor: who.actor, ip: who.ip ?? null, action: `feedback.${step.type}`, entity: 'feedback', entityId: id,
      summary: { code: row.code, at: step.at.toISOString(), ...('classification' in step ? { classification: step.classification } : {}), ...('reaction' in step ? { reaction: step.reaction } : {}) },
    })
  })
}
