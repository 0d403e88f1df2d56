import type { z } from 'zod'
import { PORTAL_FILE_MAX_BYTES, PORTAL_FILES_MAX_BYTES, portalUploadProblem } from '../../../src/domain/portal/upload-limits.js'
import type { PaymentOutcome, PaymentStarted, PortalSession, PublicProcedure, PublicProcedureDetails, SubmittedDossier, TrackedDossier } from '../../../src/contracts/portal.js'

/** The portal's calls to /api/v1/public/…: JSON both ways, errors as Vietnamese messages. */
export type Procedure = z.infer<typeof PublicProcedure>
export type ProcedureDetails = z.infer<typeof PublicProcedureDetails>
export type Submitted = z.infer<typeof SubmittedDossier>
export type Tracked = z.infer<typeof TrackedDossier>
export type Session = z.infer<typeof PortalSession>
export type Started = z.infer<typeof PaymentStarted>
export type Outcome = z.infer<typeof PaymentOutcome>

export class PortalError extends Error {}

const SESSION_KEY = 'cong-dich-vu.session'

/** The portal session lives in this tab only (sessionStorage): closing the tab forgets it. */
export function savedSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY)
  if (!raw) return null
  const session = JSON.parse(raw) as Session
  return new Date(session.expires_at).getTime() > Date.now() ? session : null
}
export function saveSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session))
}

export async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const session = savedSession()
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (session) headers['x-portal-session'] = session.token
  const response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  const json = (await response.json().catch(() => ({ message: 'Máy chủ trả lời không đọc được' }))) as T & { message?: string }
  if (!response.ok) throw new PortalError(json.message ?? `Lỗi ${response.status}`)
  return json
}

export const money = (vnd: number) => `${new Intl.NumberFormat('vi-VN').format(vnd)} đồng`
/** 17:00 ngày 15/9/2022, Vietnam time. */
export function dateTime(iso: string): string {
  const d = new Date(iso)
  const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Ho_Chi_Minh' }).format(d)
  const day = new Intl.DateTimeFormat('vi-VN', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(d)
  return `${time} ngày ${day}`
}

/** Reads a chosen file as base64 for the JSON upload. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new PortalError(`Không đọc được tệp ${file.name}`))
    reader.readAsDataURL(file)
  })
}

/** What one submission or supplement may upload, as the server limits it (shown next to the file inputs). */
export const UPLOAD_LIMITS_TEXT = `PDF, PNG hoặc JPEG, mỗi tệp tối đa ${PORTAL_FILE_MAX_BYTES / 1024 / 1024} MB, các tệp cộng lại tối đa ${PORTAL_FILES_MAX_BYTES / 1024 / 1024} MB`

/** The chosen files as the server takes them; files over the server's limits are refused here, before anything is sent. */
export async function componentUploads(files: Record<number, File>): Promise<{ position: number; file_name: string; content_base64: string }[]> {
  const problem = portalUploadProblem(Object.values(files))
  if (problem) throw new PortalError(problem)
  return Promise.all(Object.entries(files).map(async ([position, file]) => ({ position: Number(position), file_name: file.name, content_base64: await fileAsBase64(file) })))
}
