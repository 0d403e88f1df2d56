import { z } from 'zod'
import { LateEntry } from './late-entry.js'
import { FEEDBACK_STEP_TYPES, type FeedbackStepType } from '../domain/feedback/feedback-steps.js'

/** A feedback item (phản ánh, kiến nghị) with where it stands, its deadline and the steps allowed now. */
export const FeedbackItem = z.object({
  id: z.string(),
  code: z.string(),
  unit_code: z.string(),
  unit_name: z.string(),
  received_at: z.date(),
  channel: z.string(),
  summary: z.string(),
  procedure_code: z.string().nullable(),
  dossier_code: z.string().nullable(),
  classification: z.string().nullable().describe('rule: về quy định hành chính; official: về hành vi của cán bộ'),
  classified_at: z.date().nullable(),
  rejected_at: z.date().nullable(),
  supplement_requested_at: z.date().nullable(),
  handled_at: z.date().nullable(),
  published_at: z.date().nullable(),
  late_entries: z.array(LateEntry).describe('Các thời điểm nhập bù (đánh dấu "Nhập bù"); xử lý, công khai nhập bù tính theo thời điểm nhập cho đến khi lãnh đạo cấp trên xác nhận'),
  reaction: z.string().nullable(),
  repeated: z.boolean().nullable(),
  deadline: z.object({ on_time: z.boolean(), reason: z.string(), explanation: z.string() }).describe('Đúng hạn hay không, xét đến thời điểm hỏi (chỉ số 5.2)'),
  allowed_steps: z.array(z.enum(FEEDBACK_STEP_TYPES as [FeedbackStepType, ...FeedbackStepType[]])).describe('Các bước được phép lúc này (theo cùng quy tắc với POST …/steps)'),
})

/** GET /api/v1/feedback: a page of a unit's items, newest first. */
export const FeedbackPage = z.object({ total: z.number(), page: z.number(), page_size: z.number(), items: z.array(FeedbackItem) })
