import type { z } from 'zod'
import type { IndexOverviewSchema } from '../../../src/contracts/index766.js'
import type { Json } from '../../../src/contracts/json.js'
import { request, type TreeBasis } from '../shared/api.js'
import type { Attribution } from '../shared/figure-basis.js'

/** GET /api/v1/index766 (see /docs), typed from the server's schema. */
export type IndexOverview = Json<z.infer<typeof IndexOverviewSchema>>
export type IndexIndicator = IndexOverview['report']['score']['indicators'][number]
export type IndexWhatIfStep = NonNullable<IndexOverview['report']['what_if'][number]['first_point']>

export const indexApi = {
  /** `tree`: children by the period's units or today's; `by`: processing and lateness at the receiver or the decider. */
  overview: (unit: string, period: string, signal?: AbortSignal, basis: { tree?: TreeBasis; by?: Attribution } = {}) =>
    request<IndexOverview>('GET', '/api/v1/index766', { query: { unit, period, ...basis }, ...(signal ? { signal } : {}) }),
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
