import { addDays, formatVietnameseDate, isLocalDate, type LocalDate } from './local-date.js'

/**
 * The dates a request may ask a view "as of" (ngày xét, ngày của văn bản): a real calendar day
 * from 1/1/2000 to a year after today. A date beyond is a typing mistake or an attempt to make
 * the server compute (or, before, store) decades of task periods.
 */
export const EARLIEST_REQUEST_DATE: LocalDate = '2000-01-01'

/** The same day a year after `today` (29/2 → 1/3). */
export function latestRequestDate(today: LocalDate): LocalDate {
  const next = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`
  return isLocalDate(next) ? next : addDays(`${Number(today.slice(0, 4)) + 1}-02-28`, 1)
}

/** Why `date` cannot be asked for on `today`, in Vietnamese naming the field; null when it can. */
export function requestDateProblem(field: string, date: string, today: LocalDate): string | null {
  if (!isLocalDate(date)) return `${field}: "${date}" không phải ngày có thật (cần dạng YYYY-MM-DD)`
  const latest = latestRequestDate(today)
  if (date < EARLIEST_REQUEST_DATE || date > latest) return `${field}: ngày ${formatVietnameseDate(date)} nằm ngoài khoảng cho phép (từ ${formatVietnameseDate(EARLIEST_REQUEST_DATE)} đến ${formatVietnameseDate(latest)})`
  return null
}
