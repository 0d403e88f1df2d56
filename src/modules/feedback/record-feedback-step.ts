import type { Kysely } from 'kysely'
import type { Database, LateEntryField } from '../../db/schema.js'
import { applyFeedbackStep, type FeedbackStep } from '../../domain/feedback/feedback-steps.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { settleClaimedTime } from '../../domain/time/late-entry.js'
import { writeAudit } from '../audit/write-audit.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { saveLateEntry } from '../late-entries/late-entries.repository.js'
import { feedbackStateOf } from './feedback-row.js'

const CLOCK_SKEW_MS = 5 * 60_000

/** The column each timed step writes (a reaction keeps no time). */
const STEP_FIELDS: Partial<Record<FeedbackStep['type'], LateEntryField>> = {
  classify: 'classified_at', reject: 'rejected_at', request_supplement: 'supplement_requested_at', handle: 'handled_at', publish: 'published_at',
}

/**
 * A step on a feedback item (classify, reject, ask to supplement, handle, publish, the
 * applicant's reaction): read it locked, check the step against its state, write the change and
 * its audit row in one transaction. The caller has checked the item is visible. A step dated
 * before the previous working day is a late entry (nhập bù): it needs a reason, and the item keeps
 * the recording time, which Decision 766 5.2 judges, until a leader of a unit above confirms the
 * claimed one (confirm-feedback-late-entry.ts).
 */
export async function recordFeedbackStep(db: Kysely<Database>, id: string, claimed: FeedbackStep, who: { actor: string; ip?: string | null }, lateEntryReason: string | null = null, now = new Date()): Promise<void> {
  if (claimed.at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError(ErrorCode.validation, 'step in the future', 'Thời điểm của bước xử lý không được ở tương lai')
  const field = STEP_FIELDS[claimed.type]
  const settled = field ? settleClaimedTime(claimed.at, now, lateEntryReason, await loadWorkingCalendar(db), 'recorded') : { at: claimed.at, late: null }
  if ('problem' in settled) throw new AppError(ErrorCode.validation, 'late entry without reason', `Thời điểm của bước xử lý: ${settled.problem}`, [{ column: 'late_entry_reason', reason: settled.problem }])
  const step: FeedbackStep = { ...claimed, at: settled.at }
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
    if (field && settled.late) await saveLateEntry(trx, { entity: 'feedback', entityId: id, field, claim: settled.late, recordedAt: now, recordedBy: who.actor })
    await writeAudit(trx, {
      actor: who.actor, ip: who.ip ?? null, action: `feedback.${step.type}`, entity: 'feedback', entityId: id,
      summary: { code: row.code, at: step.at.toISOString(), late_entry: settled.late ? { claimed_at: settled.late.claimedAt.toISOString(), reason: settled.late.reason } : null, ...('classification' in step ? { classification: step.classification } : {}), ...('reaction' in step ? { reaction: step.reaction } : {}) },
    })
  })
}
