import type { z } from 'zod'
import type {
  DeskFile as DeskFileSchema,
  DossierDetails as DossierDetailsSchema,
  DossierSummary as DossierSummarySchema,
  ProcedureChoice as ProcedureChoiceSchema,
  QueuePage as QueuePageSchema,
} from '../../../src/contracts/desk.js'
import type { Json } from '../../../src/contracts/json.js'
import { QUEUE_LABELS, type DossierQueue } from '../../../src/domain/dossiers/dossier-queues.js'
import { CHANNEL_LABELS } from '../../../src/domain/dossiers/dossier-status.js'
import { request } from '../shared/api.js'
import type { HandOverTarget } from './desk-work-api.js'

/** The one-stop desk's answers (see /docs, tag "Một cửa"), typed from the server's own schemas. */
export type ProcedureChoice = Json<z.infer<typeof ProcedureChoiceSchema>>
export type DeskFile = Json<z.infer<typeof DeskFileSchema>>
export type DossierSummary = Json<z.infer<typeof DossierSummarySchema>>
export type DossierDetails = Json<z.infer<typeof DossierDetailsSchema>>
export type DossierEventView = DossierDetails['events'][number]
export type QueuePage = Json<z.infer<typeof QueuePageSchema>>
export type QueueName = DossierQueue
export { CHANNEL_LABELS, QUEUE_LABELS }

export interface ReceiveRequest {
  unit: string
  procedure_code: string
  applicant: { name: string; id_number?: string | null; phone?: string | null; address?: string | null }
  channel: string
  received_components: number[]
  fee_vnd?: number
  paid_online?: boolean
  population_data_used?: boolean
  reused_data?: boolean
  linked_data_store?: boolean
  result_on_paper?: boolean
}

export interface Upload {
  file_name: string
  content_base64: string
  /** Why a file is replaced once the result was returned (the server requires it then). */
  replace_reason?: string
}

/** A replaced scan or result, kept in the dossier's file history. */
export interface FileReplacement {
  id: string
  position: number | null
  old_file: { name: string; sha256: string; uploaded_at: string; uploaded_by: string }
  new_file_name: string
  reason: string | null
  replaced_by: string
  replaced_by_name: string | null
  replaced_at: string
}

const path = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`

export const deskApi = {
  procedures: (q: string, signal?: AbortSignal) => request<ProcedureChoice[]>('GET', '/api/v1/procedures', { query: { q }, ...(signal ? { signal } : {}) }),
  dueDate: (receivedAt: string, days: number, cutoff: string | null) =>
    request<{ due_at: string }>('GET', '/api/v1/calendar/due', { query: { received_at: receivedAt, days, ...(cutoff ? { cutoff } : {}) } }),
  receive: (body: ReceiveRequest, confirmed: Record<string, true> = {}) => request<DossierDetails>('POST', '/api/v1/dossiers', { body: { ...body, ...confirmed } }),
  /** A queue of the unit, or with `q` the search through it (code, name with or without diacritics, ID, phone). */
  queue: (q: { unit: string; queue: QueueName; page: number; page_size: number; q?: string }, signal?: AbortSignal) =>
    request<QueuePage>('GET', '/api/v1/dossiers', { query: { ...q }, ...(signal ? { signal } : {}) }),
  queueCounts: (unit: string, signal?: AbortSignal) => request<Record<QueueName, number>>('GET', '/api/v1/dossier-queue-counts', { query: { unit }, ...(signal ? { signal } : {}) }),
  dossier: (code: string, signal?: AbortSignal) => request<DossierDetails>('GET', path(code), signal ? { signal } : {}),
  /** One step; `target` names whom a hand-over goes to, `confirmed` the warnings the officer confirmed. */
  step: (code: string, type: string, reason?: string, confirmed: Record<string, true> = {}, target: HandOverTarget = {}) =>
    request<DossierDetails>('POST', `${path(code)}/events`, { body: { type, ...(reason ? { reason } : {}), ...target, ...confirmed } }),
  bulkStep: (type: 'hand_over' | 'return', codes: string[], confirmed: Record<string, true> = {}) =>
    request<{ done: { code: string; status: string }[] }>('POST', '/api/v1/dossiers/bulk-events', { body: { type, codes, ...confirmed } }),
  replacedFileUrl: (code: string, id: string) => `${path(code)}/file-history/${encodeURIComponent(id)}/file`,
  fileHistory: (code: string, signal?: AbortSignal) => request<FileReplacement[]>('GET', `${path(code)}/file-history`, signal ? { signal } : {}),
  trackingLink: (code: string, signal?: AbortSignal) => request<{ path: string; url: string }>('GET', `${path(code)}/tracking-link`, signal ? { signal } : {}),
  uploadComponent: (code: string, position: number, upload: Upload) => request<DossierDetails>('POST', `${path(code)}/components/${position}/file`, { body: upload }),
  uploadResult: (code: string, upload: Upload) => request<DossierDetails>('POST', `${path(code)}/result-file`, { body: upload }),
  apologize: (code: string, reason: string, newDueOn: string) => request<DossierDetails>('POST', `${path(code)}/apology`, { body: { reason, new_due_on: newDueOn } }),
  setFlags: (code: string, flags: Partial<DossierDetails['flags']>) => request<DossierDetails>('PUT', `${path(code)}/flags`, { body: flags }),
  pay: (code: string, paidOnline: boolean) => request<DossierDetails>('POST', `${path(code)}/payment`, { body: { paid_online: paidOnline } }),
  componentFileUrl: (code: string, position: number) => `${path(code)}/components/${position}/file`,
  resultFileUrl: (code: string) => `${path(code)}/result-file`,
}

/** Scans the server accepts: PDF or an image, at most 10 MB. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024
const SCAN_NAME = /\.(pdf|png|jpe?g)$/i

/** A chosen file → the upload body, or the reason it cannot be sent, in words for the officer. */
export async function readScan(file: File): Promise<Upload | { error: string }> {
  if (!SCAN_NAME.test(file.name)) return { error: `Tệp "${file.name}" không phải PDF, PNG hoặc JPEG.` }
  if (file.size > MAX_SCAN_BYTES) return { error: `Tệp "${file.name}" lớn hơn 10 MB; hãy quét với độ phân giải thấp hơn.` }
  if (file.size === 0) return { error: `Tệp "${file.name}" rỗng.` }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  // The server takes a plain file name: no folders, not starting with a dot.
  const name = file.name.replace(/[/\\\u0000-\u001f]/g, '_').replace(/^\.+/, '')
  return { file_name: name, content_base64: btoa(binary) }
}
