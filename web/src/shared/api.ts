import type { z } from 'zod'
import type { Me as MeSchema } from '../../../src/contracts/auth.js'
import type {
  DossiersBehindPage,
  EnrichedFigure,
  IndicatorSeries,
  IndicatorTable as IndicatorTableSchema,
  ListedUnit as ListedUnitSchema,
  TableRow as TableRowSchema,
  ThresholdListsAnswer,
} from '../../../src/contracts/indicators.js'
import type { Json } from '../../../src/contracts/json.js'
import type { UnitListItem } from '../../../src/contracts/units.js'
import type { IndicatorId } from '../../../src/domain/indicators/indicator-id.js'
import type { Attribution } from './figure-basis.js'

/** An answer of the API that is not a success: its Vietnamese message is what the officer reads. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Where the problem is: a field (column), a dossier code (value), the reason. */
    readonly details: readonly { column?: string; value?: string; reason: string }[] = [],
  ) {
    super(message)
  }
}

/*
 * The API's answers, typed from the very zod schemas the server answers with (src/contracts):
 * one definition, dates as the ISO strings JSON carries.
 */
export type Me = Json<z.infer<typeof MeSchema>>
export type Unit = Json<z.infer<typeof UnitListItem>>
export type Figure = Json<z.infer<typeof EnrichedFigure>>
export type TargetFigure = NonNullable<Figure['target']>
export type TableRow = Json<z.infer<typeof TableRowSchema>>
export type IndicatorTable = Json<z.infer<typeof IndicatorTableSchema>>
export type Series = Json<z.infer<typeof IndicatorSeries>>
export type SeriesPoint = Series['points'][number]
export type ListedUnit = Json<z.infer<typeof ListedUnitSchema>>
export type Lists = Json<z.infer<typeof ThresholdListsAnswer>>
export type DossierPage = Json<z.infer<typeof DossiersBehindPage>>
export type DossierItem = DossierPage['items'][number]

let csrfToken: string | null = null

/** Kept from the login and /me answers; sent with every change (POST) as the API requires. */
export function rememberCsrf(token: string | null): void {
  csrfToken = token
}

type Query = Record<string, string | number | boolean | undefined>

function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value))
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken
  let response: Response
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'network', 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.')
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message
    const code = (body as { error?: unknown } | null)?.error
    const details = (body as { details?: unknown } | null)?.details
    throw new ApiError(
      response.status,
      typeof code === 'string' ? code : 'http',
      typeof message === 'string' ? message : `Máy chủ trả lời lỗi ${response.status}. Vui lòng thử lại sau.`,
      Array.isArray(details) ? (details as ApiError['details']) : [],
    )
  }
  return body as T
}

/** Children listed by the period's tree (default) or by today's units ("theo đơn vị hiện nay"). */
export type TreeBasis = 'period' | 'current'

export interface PeriodQuery {
  unit: string
  from: string
  to: string
}

export const api = {
  login: (username: string, password: string) => request<Me>('POST', '/api/v1/auth/login', { body: { username, password } }),
  me: () => request<Me>('GET', '/api/v1/auth/me'),
  logout: () => request<{ ok: boolean }>('POST', '/api/v1/auth/logout', { body: {} }),
  changePassword: (current: string, next: string) =>
    request<{ other_sessions_ended: number }>('POST', '/api/v1/auth/password', { body: { current_password: current, new_password: next } }),
  units: () => request<Unit[]>('GET', '/api/v1/units'),
  /** The tree of a day: the units existing then, each under its parent of that day. */
  unitsAsOf: (day: string, signal?: AbortSignal) => request<Unit[]>('GET', '/api/v1/units', { query: { as_of: day }, ...(signal ? { signal } : {}) }),
  indicators: (q: PeriodQuery & { children?: boolean; tree?: TreeBasis; by?: Attribution }, signal?: AbortSignal) =>
    request<IndicatorTable>('GET', '/api/v1/indicators', { query: { ...q, children: q.children ? 'true' : undefined }, ...(signal ? { signal } : {}) }),
  series: (q: PeriodQuery & { granularity: 'week' | 'month'; scope?: 'own' | 'subtree'; by?: Attribution }, signal?: AbortSignal) =>
    request<Series>('GET', '/api/v1/indicators/series', { query: { ...q }, ...(signal ? { signal } : {}) }),
  lists: (q: PeriodQuery & { indicator: IndicatorId; above?: number; below?: number; tree?: TreeBasis; by?: Attribution }, signal?: AbortSignal) =>
    request<Lists>('GET', '/api/v1/indicators/lists', { query: { ...q }, ...(signal ? { signal } : {}) }),
  dossiers: (q: PeriodQuery & { indicator: IndicatorId; part: 'numerator' | 'denominator' | 'gap'; scope: 'own' | 'subtree'; page: number; page_size: number; by?: Attribution }, signal?: AbortSignal) =>
    request<DossierPage>('GET', '/api/v1/indicators/dossiers', { query: { ...q }, ...(signal ? { signal } : {}) }),
}
