import type { z } from 'zod'
import type { FileReading as FileReadingSchema } from '../../../src/contracts/documents.js'
import type { DirectiveDetails as DirectiveDetailsSchema, DirectiveListItem as DirectiveListItemSchema, LetterProposal as LetterProposalSchema, TaskList as TaskListSchema } from '../../../src/contracts/directives.js'
import type { Json } from '../../../src/contracts/json.js'
import { request } from '../shared/api.js'

/** /api/v1/directives and /api/v1/tasks, typed from the server's schemas. */
export type DirectiveSummary = Json<z.infer<typeof DirectiveListItemSchema>>
export type FileReading = Json<z.infer<typeof FileReadingSchema>>
export type DirectiveDetails = Json<z.infer<typeof DirectiveDetailsSchema>>
export type TaskList = Json<z.infer<typeof TaskListSchema>>
export type TaskOccurrence = TaskList['items'][number]
export type UnitCompletion = TaskList['completion'][number]
export type LetterProposal = Json<z.infer<typeof LetterProposalSchema>>

/** A plan, decision or letter the unit's letters cite (GET /api/v1/letters/cited-documents). */
export interface CitedDocument {
  id: number
  docType: string
  number: string
  issuedOn: string
  issuer: string
}

export interface AttachedFile {
  file_name: string
  content_base64: string
}

export interface NewTask {
  title: string
  assignees: string[]
  monitor: string
  recurrence: string
  due_on?: string | null
  ends_on?: string | null
}

export interface NewDirective {
  unit: string
  direction: 'incoming' | 'outgoing'
  doc_type: string
  number: string
  issued_on: string
  issuer: string
  subject: string
  topic?: string | null
  /** Ids of the unit's cited documents (plans, decisions, earlier letters) the directive cites. */
  cites?: number[]
  file?: AttachedFile
  tasks: NewTask[]
}

const opt = (signal?: AbortSignal) => (signal ? { signal } : {})

export const directivesApi = {
  /** With `q`: those whose number, subject, issuer or scan's text (OCR) hold it, typed with or without diacritics. */
  list: (q: string, signal?: AbortSignal) => request<DirectiveSummary[]>('GET', '/api/v1/directives', { ...(q ? { query: { q } } : {}), ...opt(signal) }),
  text: (id: number, signal?: AbortSignal) => request<FileReading>('GET', `/api/v1/directives/${id}/text`, opt(signal)),
  get: (id: number, signal?: AbortSignal) => request<DirectiveDetails>('GET', `/api/v1/directives/${id}`, opt(signal)),
  record: (body: NewDirective) => request<DirectiveDetails>('POST', '/api/v1/directives', { body }),
  citedDocuments: (unit: string, signal?: AbortSignal) => request<CitedDocument[]>('GET', '/api/v1/letters/cited-documents', { query: { unit }, ...opt(signal) }),
  proposal: (q: { unit: string; from: string; to: string; date?: string }) => request<LetterProposal>('GET', '/api/v1/directives/letter-proposal', { query: { ...q } }),
  tasks: (q: { unit: string; overdue?: boolean; due_this_week?: boolean; from?: string; to?: string }, signal?: AbortSignal) => request<TaskList>('GET', '/api/v1/tasks', { query: { ...q }, ...opt(signal) }),
  submit: (id: number, body: { note: string; file?: AttachedFile }) => request<TaskOccurrence>('POST', `/api/v1/tasks/${id}/submissions`, { body }),
  review: (id: number, body: { verdict: 'accept' | 'return'; reason?: string }) => request<TaskOccurrence>('POST', `/api/v1/tasks/${id}/review`, { body }),
}

/** A chosen file as the API takes it (base64 in JSON, as the desk's scans). */
export async function attachedFile(file: File): Promise<AttachedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return { file_name: file.name, content_base64: btoa(binary) }
}

export const RECURRENCE_CHOICES = [
  { value: 'once', label: 'Một lần (có hạn)' },
  { value: 'weekly:5', label: 'Hằng tuần, thứ Sáu' },
  { value: 'weekly:1', label: 'Hằng tuần, thứ Hai' },
  { value: 'monthly:25', label: 'Trước ngày 25 hằng tháng' },
  { value: 'quarterly:25', label: 'Hằng quý, trước ngày 25 tháng cuối quý' },
  { value: 'yearly:12-15', label: 'Hằng năm, trước ngày 15/12' },
]

export const TIMELINESS_COLORS: Record<string, string> = { on_time: 'green', late: 'orange', missing: 'red', pending: 'default' }
export const STATE_COLORS: Record<string, string> = { assigned: 'default', submitted: 'blue', resubmitted: 'blue', returned: 'volcano', accepted: 'green' }

/** Where the reading (OCR) of a directive's scan stands. */
export const OCR_STATUS_LABELS: Record<string, string> = { queued: 'Chờ đọc', running: 'Đang đọc', done: 'Đã đọc', failed: 'Lỗi khi đọc' }
