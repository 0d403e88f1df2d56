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

/** The period of the same length just before: "from 3,95% in July to 35,44% in August". */
export function previousPeriod(period: CheckedPeriod): CheckedPeriod {
  const length = daysBetween(period.from, period.to) + 1
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) }
}
