import type { IndicatorId } from '../../src/domain/indicators/indicator-id.js'

/** An answer of the API that is not a success: its Vietnamese message is what the officer reads. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export interface Me {
  username: string
  role: string | null
  role_label: string | null
  unit_code: string
  unit_name: string
  permissions: string[]
  csrf_token: string | null
}

export interface Unit {
  code: string
  name: string
  kind: string
  parent_code: string | null
  valid_from: string | null
  valid_to: string | null
}

export interface TargetFigure {
  minimum: number
  decided_by: string
  status: 'meets' | 'misses' | 'no_value'
  gap: number | null
}

export interface Figure {
  numerator?: number
  denominator?: number
  value: number | null
  previous: number | null
  change: number | null
  target: TargetFigure | null
  rank: number | null
}

export interface TableRow {
  unit_code: string
  unit_name: string
  unit_kind: string
  scope: 'own' | 'subtree'
  indicators: Partial<Record<IndicatorId, Figure>>
}

export interface IndicatorTable {
  from: string
  to: string
  previous: { from: string; to: string }
  rows: TableRow[]
}

export interface SeriesPoint {
  from: string
  to: string
  label: string
  indicators: Partial<Record<IndicatorId, { numerator?: number; denominator?: number; value: number | null }>>
}

export interface Series {
  unit_code: string
  unit_name: string
  scope: string
  granularity: string
  points: SeriesPoint[]
}

export interface ListedUnit {
  unitCode: string
  unitName: string
  value: number | null
}

export interface Lists {
  above: ListedUnit[]
  below: ListedUnit[]
  zero: ListedUnit[]
  noValue: ListedUnit[]
  /** Communes that never e-certified a copy up to the period's end (cumulative). */
  ecertNotStarted: ListedUnit[]
  /** Whom a letter criticises: below the threshold, or never e-certified, and not praised. */
  criticised: ListedUnit[]
}

export interface DossierItem {
  code: string
  unit_code: string
  unit_name: string
  procedure_code: string
  procedure_name: string
  channel: string
  status: string
  received_at: string
  due_at: string | null
  finished_at: string | null
  returned_at: string | null
  components_total: number
  components_digitized: number
  result_digitized: boolean
  fee_vnd: number
  paid_online: boolean
  ecert_copies: number
  rating: string | null
}

export interface DossierPage {
  total: number
  page: number
  page_size: number
  items: DossierItem[]
}

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

export async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
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
    throw new ApiError(
      response.status,
      typeof code === 'string' ? code : 'http',
      typeof message === 'string' ? message : `Máy chủ trả lời lỗi ${response.status}. Vui lòng thử lại sau.`,
    )
  }
  return body as T
}

export interface PeriodQuery {
  unit: string
  from: string
  to: string
}

export const api = {
  login: (username: string, password: string) => request<Me>('POST', '/api/v1/auth/login', { body: { username, password } }),
  me: () => request<Me>('GET', '/api/v1/auth/me'),
  logout: () => request<{ ok: boolean }>('POST', '/api/v1/auth/logout', { body: {} }),
  units: () => request<Unit[]>('GET', '/api/v1/units'),
  indicators: (q: PeriodQuery & { children?: boolean }, signal?: AbortSignal) =>
    request<IndicatorTable>('GET', '/api/v1/indicators', { query: { ...q, children: q.children ? 'true' : undefined }, ...(signal ? { signal } : {}) }),
  series: (q: PeriodQuery & { granularity: 'week' | 'month'; scope?: 'own' | 'subtree' }, signal?: AbortSignal) =>
    request<Series>('GET', '/api/v1/indicators/series', { query: { ...q }, ...(signal ? { signal } : {}) }),
  lists: (q: PeriodQuery & { indicator: IndicatorId; above?: number; below?: number }, signal?: AbortSignal) =>
    request<Lists>('GET', '/api/v1/indicators/lists', { query: { ...q }, ...(signal ? { signal } : {}) }),
  dossiers: (q: PeriodQuery & { indicator: IndicatorId; part: 'numerator' | 'denominator' | 'gap'; scope: 'own' | 'subtree'; page: number; page_size: number }, signal?: AbortSignal) =>
    request<DossierPage>('GET', '/api/v1/indicators/dossiers', { query: { ...q }, ...(signal ? { signal } : {}) }),
}
