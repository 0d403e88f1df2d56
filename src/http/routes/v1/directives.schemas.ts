import { z } from 'zod'
import { LocalDateParam, PlainText } from '../../schemas.js'

/** An uploaded file's name is only a label: no folders, a PDF or image extension (as the desk's scans). */
export const AttachedFileName = z
  .string()
  .max(255)
  .regex(/^[^/\\\u0000-\u001f]+\.(pdf|png|jpe?g)$/i, 'Tên tệp không hợp lệ (không chứa thư mục; đuôi .pdf, .png, .jpg hoặc .jpeg)')
  .refine((name) => !name.startsWith('.'), 'Tên tệp không được bắt đầu bằng dấu chấm')
// 10 MB of content is at most 13 981 016 base64 characters.
export const Base64Content = z.string().min(4).max(13_981_016).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Nội dung tệp phải được mã hóa base64')
export const AttachedFile = z.object({ file_name: AttachedFileName, content_base64: Base64Content })
export const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024

export const Topic = z.string().regex(/^[a-z0-9_-]{1,40}$/, 'Chủ đề chỉ gồm chữ thường không dấu, số, gạch ngang, gạch dưới')
export const OnParam = LocalDateParam.optional().describe('Ngày xét (mặc định hôm nay, giờ Việt Nam)')

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

export const decode = (base64: string) => Buffer.from(base64, 'base64')
export const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`
