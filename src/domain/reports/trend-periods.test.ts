import { describe, expect, it } from 'vitest'
import { parseTrendPeriods } from './trend-periods.js'

describe('the periods a letter compares with, as typed', () => {
  it('"2022-07-01..2022-07-31,2022-08-01..2022-08-31" is July then August', () => {
    expect(parseTrendPeriods('2022-07-01..2022-07-31, 2022-08-01..2022-08-31')).toEqual([
      { from: '2022-07-01', to: '2022-07-31' },
      { from: '2022-08-01', to: '2022-08-31' },
    ])
  })

  it('a period without "..", with a date that does not exist, or out of order is refused in Vietnamese', () => {
    expect(() => parseTrendPeriods('2022-07-01')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/Kỳ so sánh không hợp lệ/) }))
    expect(() => parseTrendPeriods('2022-02-01..2022-02-30')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/không hợp lệ: 2022-02-30/) }))
    expect(() => parseTrendPeriods('2022-08-01..2022-08-31,2022-07-01..2022-07-31')).toThrow(expect.objectContaining({ userMessage: expect.stringMatching(/thứ tự/) }))
  })
})
