import type { z } from 'zod'
import type { FileTextHit as FileTextHitSchema } from '../../../src/contracts/documents.js'
import type { HandOverUnit as HandOverUnitSchema, OfficialWorkload as OfficialWorkloadSchema, TrackingBook as TrackingBookSchema } from '../../../src/contracts/desk-work.js'
import type { Json } from '../../../src/contracts/json.js'
import { request } from '../shared/api.js'

/** The desk's day (issue 15): search, hand-over to a person, the tracking book, per-official counts, the scans' words. */
export type HandOverUnit = Json<z.infer<typeof HandOverUnitSchema>>
export type TrackingBook = Json<z.infer<typeof TrackingBookSchema>>
export type TrackingBookRow = TrackingBook['rows'][number]
export type OfficialWorkload = Json<z.infer<typeof OfficialWorkloadSchema>>
/** A scanned component whose recognised text holds the phrase. */
export type FileTextHit = Json<z.infer<typeof FileTextHitSchema>>

/** Whom a hand-over or an assignment names. */
export interface HandOverTarget {
  assignee?: string
  to_unit?: string
}

export interface BookQuery {
  unit: string
  from: string
  to: string
  kind: string
  procedure?: string
}

export const TRACKING_BOOK_PATH = '/mot-cua/so-theo-doi'
export const TRACKING_BOOK_PRINT_PATH = '/mot-cua/so-theo-doi/in'
export const WORKLOAD_PATH = '/mot-cua/can-bo'
export const SCAN_SEARCH_PATH = '/mot-cua/tim-ban-quet'

const path = (code: string) => `/api/v1/dossiers/${encodeURIComponent(code)}`
const queryString = (q: object) => new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString()

export const deskWorkApi = {
  handOverOptions: (code: string, signal?: AbortSignal) => request<HandOverUnit[]>('GET', `${path(code)}/hand-over-options`, signal ? { signal } : {}),
  trackingBook: (q: BookQuery, signal?: AbortSignal) => request<TrackingBook>('GET', '/api/v1/tracking-book', { query: { ...q }, ...(signal ? { signal } : {}) }),
  trackingBookXlsxUrl: (q: BookQuery) => `/api/v1/tracking-book/xlsx?${queryString(q)}`,
  trackingBookPrintPath: (q: BookQuery) => `${TRACKING_BOOK_PRINT_PATH}?${queryString(q)}`,
  workload: (q: { unit: string; from: string; to: string }, signal?: AbortSignal) => request<OfficialWorkload>('GET', '/api/v1/official-workload', { query: { ...q }, ...(signal ? { signal } : {}) }),
  workloadXlsxUrl: (q: { unit: string; from: string; to: string }) => `/api/v1/official-workload/xlsx?${queryString(q)}`,
  searchScans: (q: { unit: string; q: string }, signal?: AbortSignal) => request<FileTextHit[]>('GET', '/api/v1/file-texts', { query: { ...q }, ...(signal ? { signal } : {}) }),
}
