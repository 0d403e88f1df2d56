import { request } from '../shared/api.js'

/** /api/v1/feedback: feedback and complaints (phản ánh, kiến nghị). */
export interface FeedbackItem {
  id: string
  code: string
  unit_code: string
  unit_name: string
  received_at: string
  channel: string
  summary: string
  procedure_code: string | null
  dossier_code: string | null
  classification: string | null
  classified_at: string | null
  rejected_at: string | null
  supplement_requested_at: string | null
  handled_at: string | null
  published_at: string | null
  reaction: string | null
  repeated: boolean | null
  deadline: { on_time: boolean; reason: string; explanation: string }
  /** The steps the server's rules allow now. */
  allowed_steps: ('classify' | 'reject' | 'request_supplement' | 'handle' | 'publish' | 'record_reaction')[]
}

export interface FeedbackPage {
  total: number
  page: number
  page_size: number
  items: FeedbackItem[]
}

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

export const FEEDBACK_CHANNEL_LABELS: Record<string, string> = {
  online: 'Trực tuyến',
  direct: 'Trực tiếp',
  phone: 'Điện thoại, đường dây nóng',
  postal: 'Văn bản, bưu chính',
  email: 'Thư điện tử',
}

export const CLASSIFICATION_LABELS: Record<string, string> = {
  rule: 'Về quy định hành chính',
  official: 'Về hành vi của cán bộ, công chức',
}

export const REACTION_LABELS: Record<string, string> = {
  satisfied: 'Hài lòng',
  unsatisfied: 'Không hài lòng',
  none: 'Không có ý kiến',
}

/** Where an item stands, in the words of the list. */
export function feedbackStage(f: FeedbackItem): string {
  if (f.rejected_at) return 'Đã từ chối'
  if (f.published_at) return 'Đã công khai kết quả'
  if (f.handled_at) return 'Đã xử lý xong'
  if (f.supplement_requested_at) return 'Chờ bổ sung'
  return 'Đang xử lý'
}

export const STEP_LABELS = {
  reject: 'Từ chối',
  request_supplement: 'Yêu cầu bổ sung',
  handle: 'Xử lý xong',
  publish: 'Công khai kết quả',
  record_reaction: 'Ghi ý kiến người phản ánh',
} as const
