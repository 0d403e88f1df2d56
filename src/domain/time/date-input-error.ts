/**
 * The one error the time helpers throw. A bad date or time almost always comes from outside
 * (an import file, a form, an administrator's edit), so the error carries a code for programs
 * and a Vietnamese sentence that can be shown to the person who typed it.
 */
export const DateInputErrorCode = {
  invalidDate: 'invalid_date',
  invalidTime: 'invalid_time',
  invalidInstant: 'invalid_instant',
  invalidDayCount: 'invalid_day_count',
} as const
export type DateInputErrorCode = (typeof DateInputErrorCode)[keyof typeof DateInputErrorCode]

const userMessages: Record<DateInputErrorCode, (input: string) => string> = {
  invalid_date: (input) => `Ngày không hợp lệ: "${input}" (cần dạng YYYY-MM-DD và là ngày có thật).`,
  invalid_time: (input) => `Giờ không hợp lệ: "${input}" (cần dạng HH:MM hoặc HH:MM:SS, từ 00:00 đến 23:59).`,
  invalid_instant: (input) => `Thời điểm không hợp lệ: "${input}".`,
  invalid_day_count: (input) => `Số ngày không hợp lệ: "${input}" (cần là số nguyên).`,
}

export class DateInputError extends RangeError {
  override readonly name = 'DateInputError'
  readonly userMessage: string

  constructor(
    readonly code: DateInputErrorCode,
    readonly input: string,
  ) {
    super(`${code}: ${JSON.stringify(input)}`)
    this.userMessage = userMessages[code](input)
  }
}
