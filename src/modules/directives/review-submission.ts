import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { applyTaskStep, replayTaskState } from '../../domain/directives/task-state.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { lockLateEntry, markConfirmed } from '../late-entries/late-entries.repository.js'
import { lockOccurrence, setVerdict, submissionsOf } from './tasks.repository.js'

export interface ReviewSubmission {
  occurrenceId: number
  verdict: 'accept' | 'return'
  /** Required to return: what is to be corrected. */
  reason: string | null
  /** The units the actor acts for: the task's monitor must be one of them. */
  unitIds: ReadonlySet<number>
  /** The actor's own unit: a late entry is confirmed by the monitor, never by the unit that entered it. */
  actorUnitId: number
  /** The monitor confirms the time a late entry (nhập bù) claims: the report then counts from it. */
  confirmLateEntry?: boolean | undefined
  actor: string
  ip?: string | null
}

/** The claimed time of the submission's late entry becomes its time; the late entry keeps who confirmed it. */
async function confirmClaimedTime(trx: Transaction<Database>, submissionId: number, assigneeUnitId: number, input: ReviewSubmission): Promise<string> {
  const late = await lockLateEntry(trx, 'task_submission', submissionId)
  if (!late || late.confirmed_at !== null) throw new AppError(ErrorCode.validation, 'no late entry to confirm', 'Báo cáo này không phải nhập bù chờ xác nhận', [{ column: 'confirm_late_entry', reason: 'không có thời điểm nhập bù chờ xác nhận' }])
  if (input.actorUnitId === assigneeUnitId) throw new AppError(ErrorCode.forbidden, 'late entry confirmed by its own unit', 'Đơn vị nhập bù không tự xác nhận thời điểm nộp của mình')
  await trx.updateTable('task_submissions').set({ submitted_at: late.claimed_at }).where('id', '=', submissionId).execute()
  await markConfirmed(trx, late.id, input.actor, new Date())
  return late.claimed_at.toISOString()
}

/** The monitor accepts the submission awaiting review, or returns it with a reason; audited. */
export async function reviewSubmission(db: Kysely<Database>, input: ReviewSubmission): Promise<void> {
  const reason = input.reason?.trim() ?? ''
  if (input.verdict === 'return' && reason === '') throw new AppError(ErrorCode.validation, 'return without reason', 'Trả lại phải ghi lý do', [{ column: 'reason', reason: 'bắt buộc khi trả lại' }])
  await db.transaction().execute(async (trx) => {
    const occurrence = await lockOccurrence(trx, input.occurrenceId)
    if (!occurrence || !(input.unitIds.has(occurrence.monitor_unit_id) || input.unitIds.has(occurrence.unit_id))) {
      throw new AppError(ErrorCode.notFound, `occurrence ${input.occurrenceId} not visible`, 'Không có nhiệm vụ này trong phạm vi bạn được xem')
    }
    // Seeing a unit's task is not following it: only the monitor's units judge what came back.
    if (!input.unitIds.has(occurrence.monitor_unit_id)) throw new AppError(ErrorCode.forbidden, 'not the monitor', 'Chỉ đơn vị theo dõi nhiệm vụ được chấp nhận hoặc trả lại báo cáo')
    const submissions = await submissionsOf(trx, [occurrence.id])
    applyTaskStep(replayTaskState(submissions.map((s) => ({ submittedAt: s.submitted_at, verdict: s.verdict }))), input.verdict)
    const awaiting = submissions[submissions.length - 1]!
    const confirmed = input.confirmLateEntry ? await confirmClaimedTime(trx, awaiting.id, occurrence.unit_id, input) : null
    await setVerdict(trx, awaiting.id, { verdict: input.verdict === 'accept' ? 'accepted' : 'returned', reason: input.verdict === 'return' ? reason : null, by: input.actor })
    await writeAudit(trx, {
      actor: input.actor, ip: input.ip ?? null, action: input.verdict === 'accept' ? 'task.accept' : 'task.return', entity: 'task_occurrence', entityId: String(occurrence.id),
      summary: { submission: awaiting.id, task: occurrence.task_id, period: occurrence.period_key, reason: input.verdict === 'return' ? reason : null, late_entry_confirmed: confirmed },
    })
  })
}
