import type { z } from 'zod'
import type { FileTextHit as FileTextHitSchema, IncomingDocument as IncomingDocumentSchema } from '../../../src/contracts/documents.js'
import type { Json } from '../../../src/contracts/json.js'
import { request } from '../shared/api.js'

/** /api/v1/incoming-documents and /api/v1/file-texts: incoming documents and the search over scans' text. */
export type IncomingDocument = Json<z.infer<typeof IncomingDocumentSchema>>
export type FileTextHit = Json<z.infer<typeof FileTextHitSchema>>

export interface NewIncomingDocument {
  unit: string
  number: string
  title: string
  issued_on?: string
  file_name: string
  content_base64: string
}

export const documentsApi = {
  list: (unit: string, signal?: AbortSignal) => request<IncomingDocument[]>('GET', '/api/v1/incoming-documents', { query: { unit }, ...(signal ? { signal } : {}) }),
  record: (body: NewIncomingDocument) => request<{ id: string }>('POST', '/api/v1/incoming-documents', { body }),
  search: (unit: string, q: string, signal?: AbortSignal) => request<FileTextHit[]>('GET', '/api/v1/file-texts', { query: { unit, q }, ...(signal ? { signal } : {}) }),
}

export const OCR_STATUS_LABELS: Record<string, string> = { queued: 'Chờ đọc', running: 'Đang đọc', done: 'Đã đọc', failed: 'Lỗi khi đọc' }
