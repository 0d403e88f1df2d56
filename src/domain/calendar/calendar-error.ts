/**
 * Errors of the working-day calendar and deadline rules. Like DateInputError they carry a code
 * for programs and a Vietnamese sentence for people.
 */
export const CalendarErrorCode = {
  invalidProcessingDays: 'invalid_processing_days',
  invalidWorkingDayCount: 'invalid_working_day_count',
  invalidPause: 'invalid_pause',
  noWorkingDay: 'no_working_day',
  lunarDateUnknown: 'lunar_date_unknown',
} as const
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode]

const userMessages: Record<CalendarErrorCode, string> = {
  invalid_processing_days: 'Thời hạn giải quyết phải là số ngày làm việc không âm.',
  invalid_working_day_count: 'Số ngày làm việc phải là số nguyên không âm.',
  invalid_pause: 'Khoảng thời gian tạm dừng không hợp lệ (thời điểm kết thúc trước thời điểm bắt đầu).',
  no_working_day: 'Lịch làm việc không có ngày làm việc nào trong một năm liền: cần kiểm tra lại danh sách ngày nghỉ.',
  lunar_date_unknown: 'Không xác định được ngày âm lịch cho năm này.',
}

export class CalendarError extends Error {
  override readonly name = 'CalendarError'
  readonly userMessage: string

  constructor(
    readonly code: CalendarErrorCode,
    developerMessage: string,
  ) {
    super(`${code}: ${developerMessage}`)
    this.userMessage = userMessages[code]
  }
}
