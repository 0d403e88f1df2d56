import { describe, expect, it } from 'vitest'
import { AppError } from '../shared/app-error.js'
import { checkPeriodicReportKind, periodicReportKind, type PeriodicReportKind } from './report-kinds.js'

/** The Vietnamese message of the refusal, or null when the kind fits. */
function refusal(kind: PeriodicReportKind, from: string, to: string): string | null {
  try {
    checkPeriodicReportKind(kind, { from, to })
    return null
  } catch (error) {
    if (error instanceof AppError) return error.userMessage
    throw error
  }
}

describe('which periodic report a period is', () => {
  it('five working days 05/9–09/9/2022 are a week, never a month', () => {
    expect(periodicReportKind({ from: '2022-09-05', to: '2022-09-09' })).toBe('weekly')
    expect(refusal('monthly', '2022-09-05', '2022-09-09')).toMatch(/^Báo cáo tháng không dùng cho kỳ từ 05\/9\/2022 đến 09\/9\/2022 \(5 ngày\).*hãy dùng báo cáo tuần \(weekly\)$/)
  })

  it('a month to the 14th, a reporting month 15/8–14/9 and a calendar month are months; a quarter is neither', () => {
    expect(periodicReportKind({ from: '2022-09-01', to: '2022-09-14' })).toBe('monthly')
    expect(periodicReportKind({ from: '2022-08-15', to: '2022-09-14' })).toBe('monthly')
    expect(periodicReportKind({ from: '2023-02-01', to: '2023-02-28' })).toBe('monthly')
    expect(periodicReportKind({ from: '2022-07-01', to: '2022-09-30' })).toBeNull()
    expect(refusal('weekly', '2022-09-01', '2022-09-14')).toMatch(/hãy dùng báo cáo tháng \(monthly\)$/)
    expect(refusal('monthly', '2022-07-01', '2022-09-30')).toMatch(/phụ lục/)
    expect(refusal('weekly', '2022-09-05', '2022-09-11')).toBeNull()
    expect(refusal('monthly', '2022-08-15', '2022-09-14')).toBeNull()
  })
})
