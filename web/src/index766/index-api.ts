import { request } from '../shared/api.js'

/** GET /api/v1/index766 (see /docs, tag of the Decision 766 index). */
export interface IndexIndicator {
  id: string
  label: string
  group_id: string
  rule: string
  status: 'scored' | 'empty_full_points' | 'empty_excluded' | 'empty_spread' | 'no_data' | 'tracked'
  numerator: number | null
  denominator: number | null
  ratio: number | null
  /** 2.2 only: working days on average (its ratio is null). */
  average?: number | null
  max_points: number
  effective_max_points: number
  points: number | null
  explanation: string
}

export interface IndexWhatIfStep {
  extra_numerator: number
  points_gained: number
  sentence: string
}

export interface IndexOverview {
  report: {
    unit_code: string
    unit_name: string
    period: { label: string; from: string; to: string }
    formula_set_applies: boolean
    sources: Record<string, string>
    score: {
      formula_set: { name: string; valid_from: string; valid_to: string | null }
      indicators: IndexIndicator[]
      groups: { id: string; label: string; max_points: number; scorable_points: number; points: number }[]
      total: { points: number; scorable_points: number; max_points: number; score_100: number | null; band: string | null; complete: boolean; missing: string[] }
    }
    what_if: { id: string; label: string; numerator: number; denominator: number; current_points: number; first_point: IndexWhatIfStep | null; to_full: IndexWhatIfStep }[]
  }
  children: { unit_code: string; unit_name: string; kind: string; total: number; max_total: number; band: string | null; rank: number }[]
  trend: { period: string; from: string; to: string; total: number; max_total: number }[]
}

export const indexApi = {
  overview: (unit: string, period: string, signal?: AbortSignal) => request<IndexOverview>('GET', '/api/v1/index766', { query: { unit, period }, ...(signal ? { signal } : {}) }),
}

const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** 34.3125 → "34,31". */
export function formatPoints(value: number): string {
  return points.format(value)
}

/** "2023-Q3" → "Quý III/2023", "2023-09" → "Tháng 9/2023", "2023" → "Năm 2023". */
export function describeIndexPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(period)
  if (quarter) return `Quý ${['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]}/${quarter[1]}`
  const month = /^(\d{4})-(\d{2})$/.exec(period)
  if (month) return `Tháng ${Number(month[2])}/${month[1]}`
  return `Năm ${period}`
}
