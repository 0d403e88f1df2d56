import { AppError, ErrorCode } from '../shared/app-error.js'
import type { FeedbackClassification, FeedbackReaction, FeedbackSteps } from './feedback.js'

/** The steps an official records on a feedback item, one at a time (the API's buttons). */
export const FeedbackStepType = {
  classify: 'classify', // phân loại
  reject: 'reject', // từ chối tiếp nhận
  requestSupplement: 'request_supplement', // yêu cầu bổ sung
  handle: 'handle', // xử lý xong
  publish: 'publish', // công khai kết quả
  recordReaction: 'record_reaction', // ghi ý kiến của người phản ánh
} as const
export type FeedbackStepType = (typeof FeedbackStepType)[keyof typeof FeedbackStepType]
export const FEEDBACK_STEP_TYPES = Object.values(FeedbackStepType) as readonly FeedbackStepType[]

export type FeedbackStep =
  | { type: 'classify'; at: Date; classification: FeedbackClassification }
  | { type: 'reject' | 'request_supplement' | 'handle' | 'publish'; at: Date }
  | { type: 'record_reaction'; at: Date; reaction: FeedbackReaction }

export interface FeedbackState extends FeedbackSteps {
  classification: FeedbackClassification | null
  classifiedAt: Date | null
  reaction: FeedbackReaction | null
}

/** The columns a step changes. */
export type FeedbackChange = Partial<Pick<FeedbackState, 'classification' | 'classifiedAt' | 'rejectedAt' | 'supplementRequestedAt' | 'handledAt' | 'publishedAt' | 'reaction'>>

function refuse(message: string, userMessage: string): never {
  throw new AppError(ErrorCode.invalidTransition, message, userMessage)
}

/**
 * What a step changes, or why it is not allowed now: each dated step happens once and in order
 * (rejected or handled, never both; made public only after handling); a classification may be
 * corrected; the applicant's reaction is recorded once the item is rejected or handled.
 */
export function applyFeedbackStep(state: FeedbackState, step: FeedbackStep): FeedbackChange {
  if (step.at < state.receivedAt) refuse(`${step.type} before receipt`, 'Thời điểm của bước xử lý không được trước ngày tiếp nhận phản ánh')
  switch (step.type) {
    case 'classify':
      return { classification: step.classification, classifiedAt: step.at }
    case 'reject':
      if (state.rejectedAt) refuse('already rejected', 'Phản ánh đã bị từ chối')
      if (state.handledAt) refuse('already handled', 'Phản ánh đã được xử lý xong, không thể từ chối')
      return { rejectedAt: step.at }
    case 'request_supplement':
      if (state.rejectedAt || state.handledAt) refuse('already over', 'Phản ánh đã kết thúc, không thể yêu cầu bổ sung')
      if (state.supplementRequestedAt) refuse('supplement already requested', 'Đã yêu cầu bổ sung phản ánh này')
      return { supplementRequestedAt: step.at }
    case 'handle':
      if (state.rejectedAt) refuse('rejected', 'Phản ánh đã bị từ chối, không thể xử lý')
      if (state.handledAt) refuse('already handled', 'Phản ánh đã được xử lý xong')
      if (state.supplementRequestedAt && step.at < state.supplementRequestedAt) refuse('handled before the supplement request', 'Thời điểm xử lý xong không được trước thời điểm yêu cầu bổ sung')
      return { handledAt: step.at }
    case 'publish':
      if (!state.handledAt) refuse('not handled', 'Chỉ công khai kết quả sau khi đã xử lý xong')
      if (state.publishedAt) refuse('already published', 'Kết quả xử lý đã được công khai')
      if (step.at < state.handledAt) refuse('published before handled', 'Thời điểm công khai không được trước thời điểm xử lý xong')
      return { publishedAt: step.at }
    case 'record_reaction':
      if (!state.handledAt && !state.rejectedAt) refuse('not over', 'Chỉ ghi ý kiến của người phản ánh sau khi đã xử lý hoặc từ chối')
      return { reaction: step.reaction }
  }
}

/** A sample of each step at a moment, to ask the rules above whether it would be taken. */
function sampleStep(type: FeedbackStepType, at: Date): FeedbackStep {
  if (type === 'classify') return { type, at, classification: 'rule' }
  if (type === 'record_reaction') return { type, at, reaction: 'satisfied' }
  return { type, at }
}

/** The steps `applyFeedbackStep` would take now: the buttons to offer, from the same rules. */
export function allowedFeedbackSteps(state: FeedbackState, now: Date): FeedbackStepType[] {
  return FEEDBACK_STEP_TYPES.filter((type) => {
    try {
      applyFeedbackStep(state, sampleStep(type, now))
      return true
    } catch (error) {
      if (error instanceof AppError) return false
      throw error
    }
  })
}
