import { z } from 'zod'

/** Where the reading (OCR) of a stored file stands, and its text once read. */
export const FileReading = z.object({
  status: z.enum(['none', 'queued', 'running', 'done', 'failed']).describe('none: chưa xếp hàng; queued, running: đang chờ, đang đọc; done: đã đọc; failed: lỗi (xem error)'),
  error: z.string().nullable(),
  text: z.string().nullable(),
  pages: z.number().nullable(),
  engine: z.string().nullable(),
  recognized_at: z.date().nullable(),
})

/** A dossier component's scan whose recognised text holds the phrase searched (directives: GET /api/v1/directives?q=). */
export const FileTextHit = z.object({
  kind: z.enum(['component']),
  unit_code: z.string(),
  file_name: z.string(),
  snippet: z.string(),
  dossier_code: z.string().nullable(),
  position: z.number().nullable(),
  component_name: z.string().nullable(),
})
