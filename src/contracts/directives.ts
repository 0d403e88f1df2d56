import { z } from 'zod'
import { LateEntry } from './late-entry.js'

/** A directive (văn bản chỉ đạo) as the list shows it. */
export const DirectiveSummary = z.object({
  id: z.number(),
  unit_code: z.string(),
  unit_name: z.string(),
  direction: z.enum(['incoming', 'outgoing']).describe('incoming: văn bản đến; outgoing: văn bản đi của đơn vị'),
  doc_type: z.string(),
  number: z.string(),
  issued_on: z.string(),
  issuer: z.string(),
  subject: z.string(),
  topic: z.string().nullable(),
  cited_document_id: z.number().nullable().describe('Công văn đã ghi để các công văn sau dẫn chiếu (letters record)'),
  file_name: z.string().nullable(),
  ocr_status: z.enum(['queued', 'running', 'done', 'failed']).nullable().describe('Đọc nội dung (OCR) tệp: chờ đọc, đang đọc, đã đọc, lỗi (xem ocr_error); null khi không có tệp'),
  ocr_error: z.string().nullable(),
  label: z.string().describe('Công văn số 1262/UBND-VP ngày 15/9/2022'),
})

/** A directive of the list, with where a search found it. */
export const DirectiveListItem = DirectiveSummary.extend({
  snippet: z.string().nullable().describe('Tìm theo q: đoạn nội dung bản quét (OCR) chứa cụm từ, có dấu như đã đọc; null khi khớp số, trích yếu hoặc cơ quan ban hành, hoặc không tìm'),
})

export const Submission = z.object({
  id: z.number(),
  submitted_at: z.date(),
  submitted_by: z.string(),
  note: z.string(),
  file_name: z.string().nullable(),
  has_file: z.boolean(),
  verdict: z.enum(['accepted', 'returned']).nullable(),
  verdict_reason: z.string().nullable(),
  verdict_by: z.string().nullable(),
  verdict_at: z.date().nullable(),
  late_entry: LateEntry.nullable().describe('Nhập bù: thời điểm khai, thời điểm nhập, lý do; số liệu dùng thời điểm nhập cho đến khi đơn vị theo dõi xác nhận'),
})

/** One occurrence of a task for one unit: where it stands on the day asked about. */
export const TaskOccurrence = z.object({
  id: z.number(),
  task_id: z.number(),
  directive_id: z.number(),
  directive: z.string(),
  title: z.string(),
  recurrence: z.string(),
  recurrence_label: z.string(),
  period: z.string(),
  due_on: z.string(),
  unit_code: z.string(),
  unit_name: z.string(),
  monitor_code: z.string(),
  monitor_name: z.string(),
  state: z.enum(['assigned', 'submitted', 'returned', 'resubmitted', 'accepted']),
  state_label: z.string(),
  timeliness: z.enum(['on_time', 'late', 'missing', 'pending']),
  timeliness_label: z.string(),
  delivered_on: z.string().nullable(),
  overdue: z.boolean(),
  due_this_week: z.boolean(),
  reminder: z.object({ kind: z.enum(['before', 'after']), line: z.string() }).nullable().describe('Nhắc hạn hiển thị trên màn hình (thư điện tử gửi qua hộp thư đi)'),
  projected: z.boolean().describe('Kỳ chưa được tạo (xem theo một ngày sau hôm nay): tính theo lịch lặp, chưa nộp được'),
  allowed_steps: z.array(z.enum(['submit', 'accept', 'return'])).describe('Các bước đúng với trạng thái (quyền của người hỏi kiểm tra khi thực hiện)'),
  submissions: z.array(Submission),
})

/** The completion indicator of a unit over a period (đúng hạn, trễ hạn, chưa nộp). */
export const UnitCompletion = z.object({
  unit_code: z.string(),
  unit_name: z.string(),
  on_time: z.number(),
  late: z.number(),
  missing: z.number(),
  pending: z.number(),
  on_time_rate: z.number().nullable().describe('Tỷ lệ đúng hạn (%), hai chữ số thập phân; null khi chưa có nhiệm vụ đến hạn'),
  sentence: z.string().describe('Câu để báo cáo, công văn dẫn: "đúng hạn 8/10 (80%), trễ hạn 1, chưa nộp 1"'),
})

export const TaskList = z.object({
  on: z.string().describe('Ngày xét (giờ Việt Nam)'),
  items: z.array(TaskOccurrence),
  completion: z.array(UnitCompletion),
})

export const DirectiveDetails = DirectiveSummary.extend({
  cites: z.array(z.object({ id: z.number(), label: z.string() })),
  tasks: z.array(TaskOccurrence),
})

/** A task proposed from a generated letter, for the clerk to confirm. */
export const ProposedTask = z.object({
  title: z.string(),
  assignees: z.array(z.string()),
  monitor: z.string(),
  recurrence: z.string(),
  due_on: z.string().nullable(),
  ends_on: z.string().nullable(),
})

export const LetterProposal = z.object({
  letter_date: z.string(),
  deadline: z.string(),
  subject: z.string(),
  topic: z.string().nullable(),
  tasks: z.array(ProposedTask),
})
