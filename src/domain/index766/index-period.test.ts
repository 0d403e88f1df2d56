import { describe, expect, it } from 'vitest'
import { parseIndexPeriod } from './index-period.js'

describe('parseIndexPeriod', () => {
  it('reads a quarter, a month and a year', () => {
    expect(parseIndexPeriod('2023-Q3')).toEqual({ label: '2023-Q3', from: '2023-07-01', to: '2023-09-30' })
    expect(parseIndexPeriod('2023-q4')).toEqual({ label: '2023-Q4', from: '2023-10-01', to: '2023-12-31' })
    expect(parseIndexPeriod('2024-02')).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' })
    expect(parseIndexPeriod('2023')).toEqual({ label: '2023', from: '2023-01-01', to: '2023-12-31' })
  })

  it('refuses anything else, in Vietnamese', () => {
    expect(() => parseIndexPeriod('2023-13')).toThrow(expect.objectContaining({ userMessage: 'Kỳ đánh giá không hợp lệ: 2023-13 (dạng 2023-Q3, 2023-09 hoặc 2023)' }))
    expect(() => parseIndexPeriod('Q3')).toThrow()
  })
})
