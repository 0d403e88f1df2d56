import { checkPeriod, type CheckedPeriod } from '../indicators/period.js'
import { AppError, ErrorCode } from '../shared/app-error.js'

/**
 * The earlier periods of a letter's trend as people type them: "2022-07-01..2022-07-31,
 * 2022-08-01..2022-08-31", oldest first. Each is checked like any period.
 */
export function parseTrendPeriods(text: string): CheckedPeriod[] {
  const periods = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [from, to, ...rest] = part.split('..')
      if (rest.length > 0 || to === undefined) {
        throw new AppError(ErrorCode.validation, `bad trend period ${part}`, `Kỳ so sánh không hợp lệ: "${part}" (dạng YYYY-MM-DD..YYYY-MM-DD)`, [{ column: 'trend', value: part, reason: 'dạng YYYY-MM-DD..YYYY-MM-DD' }])
      }
      return checkPeriod(from, to)
    })
  for (let i = 1; i < periods.length; i++) {
    if (periods[i]!.from <= periods[i - 1]!.to) {
      throw new AppError(ErrorCode.validation, 'trend periods out of order', 'Các kỳ so sánh phải theo thứ tự thời gian và không chồng lên nhau', [{ column: 'trend', value: text, reason: 'thứ tự' }])
    }
  }
  return periods
}
