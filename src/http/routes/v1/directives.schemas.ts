import { z } from 'zod'
import { AsOfDateParam, LocalDateParam, PlainText } from '../../schemas.js'
import { Base64Content, ScanFileName, UPLOAD_BODY_LIMIT, decodeUpload } from '../../upload.schemas.js'

/** A directive's or a report's file: a scan, as the desk's. */
export const AttachedFile = z.object({ file_name: ScanFileName, content_base64: Base64Content })
export { Base64Content, UPLOAD_BODY_LIMIT }

export const Topic = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Chủ đề chỉ gồm chữ thường không dấu, số, gạch ngang, gạch dưới')
export const OnParam = AsOfDateParam('Ngày xét (on)').optional().describe('Ngày xét (mặc định hôm nay, giờ Việt Nam)')

export const TaskBody = z.object({
  title: PlainText(500).describe('Nội dung phải thực hiện, sản phẩm phải nộp'),
  assignees: z.array(PlainText(64)).min(1).max(500).describe('Mã các đơn vị thực hiện'),
  monitor: PlainText(64).describe('Mã đơn vị theo dõi (chấp nhận, trả lại báo cáo)'),
  recurrence: z.string().max(20).default('once').describe('once; weekly:1–5 (thứ Hai–thứ Sáu); monthly:N, quarterly:N (trước ngày N); yearly:MM-DD'),
  due_on: LocalDateParam.nullable().optional().describe('Hạn (ngày cuối cùng còn đúng hạn) của nhiệm vụ một lần'),
  ends_on: LocalDateParam.nullable().optional(),
})
export type TaskBody = z.infer<typeof TaskBody>

export const taskInputOf = (t: TaskBody) => ({ title: t.title, assignees: t.assignees, monitor: t.monitor, recurrence: t.recurrence, dueOn: t.due_on ?? null, endsOn: t.ends_on ?? null })

export { decodeUpload as decode }
/** Downloads are named by the one Content-Disposition of the project. */
export { attachmentDisposition as disposition } from '../../../domain/procedures/content-disposition.js'
