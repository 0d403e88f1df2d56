import { request } from '../shared/api.js'

/** The one-stop desk's answers (see /docs, tag "Một cửa"). Dates arrive as ISO strings. */
export interface ProcedureChoice {
  code: string
  version: number
  name: string
  field: string | null
  level: string
  online_level: string
  processing_days: number
  fee_vnd: number
  cutoff_time: string | null
  publicly_listed: boolean
  components: { position: number; name: string; required: boolean }[]
}

export interface DeskFile {
  name: string
  size_bytes: number
  media_type: string
  uploaded_by: string
  uploaded_at: string
}

export interface DossierSummary {
  code: string
  unit_code: string
  unit_name: string
  procedure_code: string
  procedure_name: string
  applicant_name: string | null
  applicant_id_number: string | null
  applicant_phone: string | null
  channel: string
  status: string
  status_label: string
  received_at: string
  due_at: string | null
  finished_at: string | null
  returned_at: string | null
  overdue: boolean
  components_total: number
  components_digitized: number
  result_digitized: boolean
  fee_vnd: number
  paid_online: boolean
  paid_at: string | null
}

export interface DossierEventView {
  seq: number
  type: string
  label: string
  at: string
  actor: string
  actor_name: string | null
  reason: string | null
  status_after: string
  status_after_label: string
}

export interface DossierDetails extends DossierSummary {
  applicant_address: string | null
  components: { position: number; name: string; required: boolean; received: boolean; digitized: boolean; digitized_at: string | null; file: DeskFile | null }[]
  result_file: DeskFile | null
  may_apologize: boolean
  apologies: { reason: string; new_due_on: string; issued_at: string; issued_by: string; issued_by_name: string | null }[]
  flags: Record<'synced_national' | 'reused_data' | 'linked_data_store' | 'population_data_used' | 'result_on_paper' | 'e_result_issued', boolean | null>
  events: DossierEventView[]
  allowed_next_events: { type: string; label: string; reason_required: boolean }[]
}

export interface QueuePage {
  total: number
  page: number
  page_size: number
  items: DossierSummary[]
}

export type QueueName = 'to_hand_over' | 'to_process' | 'supplement' | 'due_soon' | 'overdue' | 'finished' | 'all'

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
}

const path = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`

export const deskApi = {
  procedures: (q: string, signal?: AbortSignal) => request<ProcedureChoice[]>('GET', '/api/v1/procedures', { query: { q }, ...(signal ? { signal } : {}) }),
  dueDate: (receivedAt: string, days: number, cutoff: string | null) =>
    request<{ due_at: string }>('GET', '/api/v1/calendar/due', { query: { received_at: receivedAt, days, ...(cutoff ? { cutoff } : {}) } }),
  receive: (body: ReceiveRequest) => request<DossierDetails>('POST', '/api/v1/dossiers', { body }),
  queue: (q: { unit: string; queue: QueueName; page: number; page_size: number }, signal?: AbortSignal) =>
    request<QueuePage>('GET', '/api/v1/dossiers', { query: { ...q }, ...(signal ? { signal } : {}) }),
  queueCounts: (unit: string, signal?: AbortSignal) => request<Record<QueueName, number>>('GET', '/api/v1/dossier-queue-counts', { query: { unit }, ...(signal ? { signal } : {}) }),
  dossier: (code: string, signal?: AbortSignal) => request<DossierDetails>('GET', path(code), signal ? { signal } : {}),
  step: (code: string, type: string, reason?: string) => request<DossierDetails>('POST', `${path(code)}/events`, { body: reason ? { type, reason } : { type } }),
  uploadComponent: (code: string, position: number, upload: Upload) => request<DossierDetails>('POST', `${path(code)}/components/${position}/file`, { body: upload }),
  uploadResult: (code: string, upload: Upload) => request<DossierDetails>('POST', `${path(code)}/result-file`, { body: upload }),
  apologize: (code: string, reason: string, newDueOn: string) => request<DossierDetails>('POST', `${path(code)}/apology`, { body: { reason, new_due_on: newDueOn } }),
  setFlags: (code: string, flags: Partial<DossierDetails['flags']>) => request<DossierDetails>('PUT', `${path(code)}/flags`, { body: flags }),
  pay: (code: string, paidOnline: boolean) => request<DossierDetails>('POST', `${path(code)}/payment`, { body: { paid_online: paidOnline } }),
  componentFileUrl: (code: string, position: number) => `${path(code)}/components/${position}/file`,
  resultFileUrl: (code: string) => `${path(code)}/result-file`,
}

export const CHANNEL_LABELS: Record<string, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Bưu chính công ích',
}

export const QUEUE_LABELS: Record<QueueName, string> = {
  to_hand_over: 'Mới tiếp nhận, chờ chuyển',
  to_process: 'Đang giải quyết',
  supplement: 'Chờ bổ sung',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  finished: 'Có kết quả, chờ trả',
  all: 'Tất cả',
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
