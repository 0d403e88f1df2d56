import { AppError, ErrorCode } from '../shared/app-error.js'
import { daysBetween, type LocalDate } from '../time/local-date.js'
import { letterDate } from './letter-dates.js'

export type PeriodicReportKind = 'weekly' | 'monthly'

/** A week's summary covers at most seven days; a monthly report more than that and at most 31 (15/8–14/9 or 01/9–14/9 too). */
const LONGEST: Record<PeriodicReportKind, number> = { weekly: 7, monthly: 31 }

const NAMES: Record<PeriodicReportKind, string> = { weekly: 'Báo cáo tuần', monthly: 'Báo cáo tháng' }

/**
 * Which periodic report a period is written as: a week's summary for up to seven days, a
 * monthly report for more and up to 31 days, neither beyond (the appendix and the letter take
 * any period). So five days are never offered, nor written, as a "monthly report".
 */
export function periodicReportKind(period: { from: LocalDate; to: LocalDate }): PeriodicReportKind | null {
  const days = daysBetween(period.from, period.to) + 1
  if (days <= LONGEST.weekly) return 'weekly'
  if (days <= LONGEST.monthly) return 'monthly'
  return null
}

/** Refuses a weekly or monthly report for a period it is not, saying which one fits. */
export function checkPeriodicReportKind(kind: PeriodicReportKind, period: { from: LocalDate; to: LocalDate }): void {
  const fits = periodicReportKind(period)
  if (fits === kind) return
  const days = daysBetween(period.from, period.to) + 1
  const instead = fits === null ? 'hãy dùng phụ lục (appendix) hoặc chia thành từng tháng' : `hãy dùng ${NAMES[fits].toLocaleLowerCase('vi')} (${fits})`
  const message = `${NAMES[kind]} không dùng cho kỳ từ ${letterDate(period.from)} đến ${letterDate(period.to)} (${days} ngày): báo cáo tuần cho kỳ tối đa 7 ngày, báo cáo tháng cho kỳ từ 8 đến 31 ngày; ${instead}`
  throw new AppError(ErrorCode.validation, `report kind ${kind} does not fit a period of ${days} days`, message, [{ column: 'kind', value: kind, reason: message }])
}
