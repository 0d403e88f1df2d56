import { parseIndexPeriod, type IndexPeriod } from './index-period.js'

/**
 * The periods of an index trend (xu hướng): for a month or a quarter, each month of its year up
 * to the period's last month; for a year, its four quarters. Oldest first.
 */
export function indexTrendPeriods(period: IndexPeriod): IndexPeriod[] {
  const year = period.from.slice(0, 4)
  if (/^\d{4}$/.test(period.label)) return [1, 2, 3, 4].map((q) => parseIndexPeriod(`${year}-Q${q}`))
  const lastMonth = Number(period.to.slice(5, 7))
  return Array.from({ length: lastMonth }, (_, i) => parseIndexPeriod(`${year}-${String(i + 1).padStart(2, '0')}`))
}
