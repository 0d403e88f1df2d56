import { DOSSIER_STATUS_LABELS } from '../dossiers/dossier-status.js'
import type { FeedbackStepType } from './feedback-steps.js'

/** Where a feedback item stands, from the dates of its steps (the latest that ends or moves it). */
export type FeedbackStage = 'rejected' | 'published' | 'handled' | 'supplement' | 'processing'

/** The stages' words: those a dossier also has are the dossier's own (one vocabulary). */
export const FEEDBACK_STAGE_LABELS: Record<FeedbackStage, string> = {
  rejected: 'Đã từ chối',
  published: 'Đã công khai kết quả',
  handled: DOSSIER_STATUS_LABELS.finished,
  supplement: DOSSIER_STATUS_LABELS.supplement,
  processing: DOSSIER_STATUS_LABELS.processing,
}

export function feedbackStageOf(f: { rejected_at: unknown; published_at: unknown; handled_at: unknown; supplement_requested_at: unknown }): FeedbackStage {
  if (f.rejected_at) return 'rejected'
  if (f.published_at) return 'published'
  if (f.handled_at) return 'handled'
  if (f.supplement_requested_at) return 'supplement'
  return 'processing'
}

/** The steps' names on buttons and menus. */
export const FEEDBACK_STEP_LABELS: Record<FeedbackStepType, string> = {
  classify: 'Phân loại',
  reject: DOSSIER_STATUS_LABELS.rejected,
  request_supplement: 'Yêu cầu bổ sung',
  handle: 'Xử lý xong',
  publish: 'Công khai kết quả',
  record_reaction: 'Ghi ý kiến người phản ánh',
}
