import type { z } from 'zod'
import type { FeedbackItem as FeedbackItemSchema, FeedbackPage as FeedbackPageSchema } from '../../../src/contracts/feedback.js'
import type { Json } from '../../../src/contracts/json.js'
import { CLASSIFICATION_LABELS, FEEDBACK_CHANNEL_LABELS, REACTION_LABELS } from '../../../src/domain/feedback/feedback.js'
import { FEEDBACK_STAGE_LABELS, FEEDBACK_STEP_LABELS, feedbackStageOf } from '../../../src/domain/feedback/feedback-stage.js'
import { request } from '../shared/api.js'

/** /api/v1/feedback: feedback and complaints (phản ánh, kiến nghị), typed from the server's schemas. */
export type FeedbackItem = Json<z.infer<typeof FeedbackItemSchema>>
export type FeedbackPage = Json<z.infer<typeof FeedbackPageSchema>>
export { CLASSIFICATION_LABELS, FEEDBACK_CHANNEL_LABELS, REACTION_LABELS }

export interface NewFeedback {
  unit: string
  channel: string
  summary: string
  procedure_code?: string
  dossier_code?: string
  classification?: string
  repeated?: boolean
}

export type FeedbackStepBody = { type: 'classify'; classification: string } | { type: 'reject' | 'request_supplement' | 'handle' | 'publish' } | { type: 'record_reaction'; reaction: string }

export const feedbackApi = {
  list: (q: { unit: string; page: number; page_size: number }, signal?: AbortSignal) => request<FeedbackPage>('GET', '/api/v1/feedback', { query: { ...q }, ...(signal ? { signal } : {}) }),
  create: (body: NewFeedback) => request<FeedbackItem>('POST', '/api/v1/feedback', { body }),
  step: (id: string, body: FeedbackStepBody) => request<FeedbackItem>('POST', `/api/v1/feedback/${encodeURIComponent(id)}/steps`, { body }),
}

/** Where an item stands, in the words of the list (the domain's). */
export function feedbackStage(f: FeedbackItem): string {
  return FEEDBACK_STAGE_LABELS[feedbackStageOf(f)]
}

/** The steps' names (the domain's), without classification, which has its own select. */
export const STEP_LABELS = FEEDBACK_STEP_LABELS
