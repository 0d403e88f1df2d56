import { AppError, ErrorCode } from '../shared/app-error.js'
import { addDays } from '../time/local-date.js'

export interface IndexPeriod {
  /** As asked: '2023-Q3', '2023-09' or '2023'. */
  label: string
  from: string
  to: string
}

function firstOfMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-01`
}

function monthsSpan(year: number, firstMonth: number, months: number): { from: string; to: string } {
  const next = firstMonth + months
  const end = next > 12 ? firstOfMonth(year + 1, next - 12) : firstOfMonth(year, next)
  return { from: firstOfMonth(year, firstMonth), to: addDays(end, -1) }
}

/** A quarter, a month or a year, the periods the index is scored for. */
export function parseIndexPeriod(text: string): IndexPeriod {
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text)
  if (quarter) return { label: text.toUpperCase(), ...monthsSpan(Number(quarter[1]), (Number(quarter[2]) - 1) * 3 + 1, 3) }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text)
  if (month) return { label: text, ...monthsSpan(Number(month[1]), Number(month[2]), 1) }
  const year = /^(\d{4})$/.exec(text)
  if (year) return { label: text, ...monthsSpan(Number(year[1]), 1, 12) }
  throw new AppError(
    ErrorCode.validation,
    `bad index period ${text}`,
    `Kỳ đánh giá không hợp lệ: ${text} (dạng 2023-Q3, 2023-09 hoặc 2023)`,
    [{ column: 'period', value: text, reason: 'dạng 2023-Q3, 2023-09 hoặc 2023' }],
  )
}
