import { AppError, ErrorCode } from '../shared/app-error.js'
import { addDays, daysBetween, isLocalDate, type LocalDate } from '../time/local-date.js'

/** Longer periods are surely a typing mistake (2022 → 2072), and would scan needlessly. */
export const MAX_PERIOD_DAYS = 10 * 366

export interface CheckedPeriod {
  from: LocalDate
  to: LocalDate
}

function invalid(message: string, userMessage: string, column: string, value: string): AppError {
  return new AppError(ErrorCode.validation, message, userMessage, [{ column, value, reason: userMessage }])
}

/** A closed range of Vietnam dates, checked: real dates, from ≤ to, at most ten years. */
export function checkPeriod(from: string | undefined, to: string | undefined): CheckedPeriod {
  if (!from) throw invalid('from is required', 'Thiếu ngày bắt đầu (from, dạng YYYY-MM-DD)', 'from', '')
  if (!to) throw invalid('to is required', 'Thiếu ngày kết thúc (to, dạng YYYY-MM-DD)', 'to', '')
  if (!isLocalDate(from)) throw invalid(`bad from ${from}`, `Ngày bắt đầu không hợp lệ: ${from} (dạng YYYY-MM-DD, ngày có thật)`, 'from', from)
  if (!isLocalDate(to)) throw invalid(`bad to ${to}`, `Ngày kết thúc không hợp lệ: ${to} (dạng YYYY-MM-DD, ngày có thật)`, 'to', to)
  if (from > to) throw invalid('from after to', `Ngày bắt đầu (${from}) sau ngày kết thúc (${to})`, 'from', from)
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) {
    throw invalid('period too long', `Khoảng thời gian quá dài (tối đa 10 năm): ${from} – ${to}`, 'to', to)
  }
  return { from, to }
}

function lastDayOfMonth(date: LocalDate): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number]
  return addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1)
}

function monthsBefore(date: LocalDate, months: number): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

/**
 * The period to compare with, as leaders do: whole months with the same number of whole months
 * before ("from 3,95% in July to 35,44% in August", even when the months differ in length); a
 * few days of a week with the same days of the week before (Monday–Friday 5–9/9 against
 * 29/8–2/9, not against a stretch holding a weekend); otherwise the period of the same length
 * just before.
 */
export function previousPeriod(period: CheckedPeriod): CheckedPeriod {
  const length = daysBetween(period.from, period.to) + 1
  if (period.from.endsWith('-01') && period.to === lastDayOfMonth(period.to)) {
    const [fy, fm] = period.from.split('-').map(Number) as [number, number]
    const [ty, tm] = period.to.split('-').map(Number) as [number, number]
    const months = (ty - fy) * 12 + (tm - fm) + 1
    const from = monthsBefore(period.from, months)
    return { from, to: addDays(period.from, -1) }
  }
  if (length < 7) return { from: addDays(period.from, -7), to: addDays(period.to, -7) }
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) }
}
