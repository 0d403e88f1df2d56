/*
 * Feedback and complaints (phản ánh, kiến nghị — PAKN) about administrative procedures and the
 * officials who apply them: received, classified, then rejected or handled and its result made
 * public, and the applicant's reaction. Decision 766 scores them in 5.1–5.3 (INDICATORS.md).
 */

import { CHANNEL_LABELS } from '../dossiers/dossier-status.js'

/** How a feedback item came in. */
export const FeedbackChannel = {
  online: 'online', // trực tuyến (Cổng Dịch vụ công, hệ thống phản ánh, kiến nghị)
  direct: 'direct', // trực tiếp
  phone: 'phone', // điện thoại, đường dây nóng
  postal: 'postal', // văn bản, bưu chính
  email: 'email', // thư điện tử
} as const
export type FeedbackChannel = (typeof FeedbackChannel)[keyof typeof FeedbackChannel]
export const FEEDBACK_CHANNELS = Object.values(FeedbackChannel) as readonly FeedbackChannel[]

/** The channels a dossier also comes by say what the dossier's say (one vocabulary). */
export const FEEDBACK_CHANNEL_LABELS: Record<FeedbackChannel, string> = {
  online: CHANNEL_LABELS.online,
  direct: CHANNEL_LABELS.direct,
  phone: 'Điện thoại, đường dây nóng',
  postal: 'Văn bản, bưu chính',
  email: 'Thư điện tử',
}

/** What it is about: a rule (quy định hành chính) or an official's conduct (hành vi của cán bộ). */
export const FeedbackClassification = {
  rule: 'rule', // về quy định hành chính
  official: 'official', // về hành vi hành chính của cán bộ, công chức
} as const
export type FeedbackClassification = (typeof FeedbackClassification)[keyof typeof FeedbackClassification]
export const FEEDBACK_CLASSIFICATIONS = Object.values(FeedbackClassification) as readonly FeedbackClassification[]

export const CLASSIFICATION_LABELS: Record<FeedbackClassification, string> = {
  rule: 'Về quy định hành chính',
  official: 'Về hành vi của cán bộ, công chức',
}

/** The applicant's reaction to the handling; null on the item = not recorded. */
export const FeedbackReaction = {
  satisfied: 'satisfied', // hài lòng
  unsatisfied: 'unsatisfied', // không hài lòng
  none: 'none', // không có ý kiến
} as const
export type FeedbackReaction = (typeof FeedbackReaction)[keyof typeof FeedbackReaction]
export const FEEDBACK_REACTIONS = Object.values(FeedbackReaction) as readonly FeedbackReaction[]

export const REACTION_LABELS: Record<FeedbackReaction, string> = {
  satisfied: 'Hài lòng',
  unsatisfied: 'Không hài lòng',
  none: 'Không có ý kiến',
}

/** The dates of a feedback item's steps: what the deadlines are judged on. */
export interface FeedbackSteps {
  receivedAt: Date
  /** Từ chối tiếp nhận (not within the rules on feedback). */
  rejectedAt: Date | null
  /** Yêu cầu người phản ánh bổ sung thông tin. */
  supplementRequestedAt: Date | null
  /** Xử lý xong (answered). */
  handledAt: Date | null
  /** Công khai kết quả xử lý. */
  publishedAt: Date | null
}

/** A feedback item as it comes in: from feedback.csv or the API. */
export interface FeedbackInput extends FeedbackSteps {
  /** The item's code, unique within its unit. */
  code: string
  unitCode: string
  channel: FeedbackChannel
  summary: string
  procedureCode: string | null
  dossierCode: string | null
  classification: FeedbackClassification | null
  classifiedAt: Date | null
  reaction: FeedbackReaction | null
  /** Phản ánh lặp lại, kéo dài: null = not known. */
  repeated: boolean | null
}

export interface BrokenFeedbackRule {
  field: 'classified_at' | 'rejected_at' | 'supplement_requested_at' | 'handled_at' | 'published_at' | 'reaction'
  value: string
  reason: string
}

const iso = (date: Date | null) => date?.toISOString() ?? ''

/** The rules an item's facts must meet together, whatever brought them in. */
export function checkFeedbackRules(f: FeedbackInput): BrokenFeedbackRule[] {
  const broken: BrokenFeedbackRule[] = []
  const before = (field: BrokenFeedbackRule['field'], at: Date | null, label: string) => {
    if (at !== null && at < f.receivedAt) broken.push({ field, value: iso(at), reason: `${label} trước ngày tiếp nhận phản ánh` })
  }
  before('classified_at', f.classifiedAt, 'ngày phân loại')
  before('rejected_at', f.rejectedAt, 'ngày từ chối')
  before('supplement_requested_at', f.supplementRequestedAt, 'ngày yêu cầu bổ sung')
  before('handled_at', f.handledAt, 'ngày xử lý xong')
  if (f.classifiedAt !== null && f.classification === null) {
    broken.push({ field: 'classified_at', value: iso(f.classifiedAt), reason: 'có ngày phân loại nhưng chưa có loại phản ánh (rule hoặc official)' })
  }
  if (f.rejectedAt !== null && f.handledAt !== null) {
    broken.push({ field: 'handled_at', value: iso(f.handledAt), reason: 'phản ánh đã bị từ chối thì không thể có ngày xử lý xong' })
  }
  if (f.publishedAt !== null && f.handledAt === null) {
    broken.push({ field: 'published_at', value: iso(f.publishedAt), reason: 'có ngày công khai kết quả nhưng chưa có ngày xử lý xong' })
  }
  if (f.publishedAt !== null && f.handledAt !== null && f.publishedAt < f.handledAt) {
    broken.push({ field: 'published_at', value: iso(f.publishedAt), reason: 'ngày công khai kết quả trước ngày xử lý xong' })
  }
  if (f.reaction !== null && f.handledAt === null && f.rejectedAt === null) {
    broken.push({ field: 'reaction', value: f.reaction, reason: 'chỉ ghi ý kiến của người phản ánh sau khi đã xử lý hoặc từ chối' })
  }
  return broken
}
