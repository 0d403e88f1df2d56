import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { applyTaskStep, replayTaskState } from '../../domain/directives/task-state.js'
import { checkUploadedFile } from '../../domain/files/uploaded-file.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { settleClaimedTime } from '../../domain/time/late-entry.js'
import { writeAudit } from '../audit/write-audit.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { saveLateEntry } from '../late-entries/late-entries.repository.js'
import type { FileStore } from '../desk/file-store.js'
import type { DirectiveUpload } from './record-directive.js'
import { insertSubmission, lockOccurrence, submissionsOf } from './tasks.repository.js'

export interface SubmitTask {
  occurrenceId: number
  note: string
  file?: DirectiveUpload | undefined
  /** A paper report received earlier and entered now; defaults to now. */
  submittedAt?: Date | undefined
  /** Lý do nhập bù: required when `submittedAt` is before the previous working day. */
  lateEntryReason?: string | null | undefined
  /** The units the actor acts for: the assignee must be one of them. */
  unitIds: ReadonlySet<number>
  actor: string
  ip?: string | null
}

/**
 * The assignee submits its report (a note, a file or both): allowed when nothing is awaiting
 * review or accepted, checked by the domain's table on the replayed state; saved and audited in
 * one transaction.
 */
export async function submitTask(db: Kysely<Database>, store: FileStore, input: SubmitTask, now: Date = new Date()): Promise<number> {
  if (input.note.trim() === '' && !input.file) throw new AppError(ErrorCode.validation, 'empty submission', 'Phải có nội dung báo cáo hoặc tệp đính kèm', [{ column: 'note', reason: 'ghi nội dung hoặc đính kèm tệp' }])
  const claimedAt = input.submittedAt ?? now
  if (claimedAt.getTime() > now.getTime()) throw new AppError(ErrorCode.validation, 'submission in the future', 'Thời điểm nộp không được sau thời điểm hiện tại', [{ column: 'submitted_at', reason: 'sau thời điểm hiện tại' }])
  // A late entry counts from now until the monitor confirms the claimed time (review-submission.ts).
  const settled = settleClaimedTime(claimedAt, now, input.lateEntryReason, await loadWorkingCalendar(db), 'recorded')
  if ('problem' in settled) throw new AppError(ErrorCode.validation, 'late entry without reason', `Thời điểm nộp: ${settled.problem}`, [{ column: 'late_entry_reason', reason: settled.problem }])
  const submittedAt = settled.at
  const mediaType = input.file ? checkUploadedFile(input.file.fileName, input.file.bytes) : null
  const sha256 = input.file ? await store.put(input.file.bytes) : null
  return db.transaction().execute(async (trx) => {
    const occurrence = await lockOccurrence(trx, input.occurrenceId)
    if (!occurrence || !input.unitIds.has(occurrence.unit_id)) throw new AppError(ErrorCode.notFound, `occurrence ${input.occurrenceId} not owed by the actor`, 'Không có nhiệm vụ này trong phạm vi đơn vị của bạn')
    const earlier = await submissionsOf(trx, [occurrence.id])
    applyTaskStep(replayTaskState(earlier.map((s) => ({ submittedAt: s.submitted_at, verdict: s.verdict }))), 'submit')
    const last = earlier[earlier.length - 1]
    if (last && claimedAt.getTime() < last.submitted_at.getTime()) throw new AppError(ErrorCode.validation, 'submission before the previous one', 'Thời điểm nộp không được trước lần nộp trước', [{ column: 'submitted_at', reason: 'trước lần nộp trước' }])
    const fileId = input.file && sha256 && mediaType
      ? (await trx.insertInto('files').values({ sha256, size_bytes: input.file.bytes.length, media_type: mediaType, original_name: input.file.fileName, uploaded_by: input.actor }).returning('id').executeTakeFirstOrThrow()).id
      : null
    const id = await insertSubmission(trx, { occurrenceId: occurrence.id, submittedAt, submittedBy: input.actor, note: input.note.trim(), fileId })
    if (settled.late) await saveLateEntry(trx, { entity: 'task_submission', entityId: id, field: 'submitted_at', claim: settled.late, recordedAt: now, recordedBy: input.actor })
    await writeAudit(trx, {
      actor: input.actor, ip: input.ip ?? null, action: 'task.submit', entity: 'task_occurrence', entityId: String(occurrence.id),
      summary: { submission: id, task: occurrence.task_id, period: occurrence.period_key, due_on: occurrence.due_on, submitted_on: toVietnamDate(submittedAt), late_entry: settled.late ? { claimed_at: settled.late.claimedAt.toISOString(), reason: settled.late.reason } : null, note: input.note.trim(), file_sha256: sha256 },
    })
    return id
  })
}
