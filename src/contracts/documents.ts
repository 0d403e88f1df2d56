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

export const IncomingDocument = z.object({
  id: z.string(),
  unit_code: z.string(),
  unit_name: z.string(),
  number: z.string(),
  title: z.string(),
  issued_on: z.string().nullable(),
  received_at: z.date(),
  file_name: z.string(),
  ocr_status: z.string().nullable(),
  ocr_error: z.string().nullable(),
})

export const FileTextHit = z.object({
  kind: z.enum(['component', 'incoming_document']),
  unit_code: z.string(),
  file_name: z.string(),
  snippet: z.string(),
  dossier_code: z.string().nullable(),
  position: z.number().nullable(),
  component_name: z.string().nullable(),
  document_id: z.string().nullable(),
  document_number: z.string().nullable(),
  document_title: z.string().nullable(),
})
