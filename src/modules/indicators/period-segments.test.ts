import { describe, expect, it } from 'vitest'
import { periodSegments } from './period-segments.js'

describe('a period read as whole months and loose days', () => {
  it('the year 2022 is twelve months and no days', () => {
    const s = periodSegments({ from: '2022-01-01', to: '2022-12-31' })
    expect(s.months).toEqual({ from: '2022-01-01', to: '2022-12-01' })
    expect(s.headDays.from > s.headDays.to).toBe(true)
    expect(s.tailDays.from > s.tailDays.to).toBe(true)
    expect(s.overdueDays).toEqual({ from: '2022-12-01', to: '2022-12-31' })
  })

  it('15/7–9/9/2022 is the days of July, the month of August and the days of September', () => {
    const s = periodSegments({ from: '2022-07-15', to: '2022-09-09' })
    expect(s).toMatchObject({
      months: { from: '2022-08-01', to: '2022-08-01' },
      headDays: { from: '2022-07-15', to: '2022-07-31' },
      tailDays: { from: '2022-09-01', to: '2022-09-09' },
      overdueMonthsBefore: '2022-09-01',
    })
  })

  it('a week inside a month is only days', () => {
    const s = periodSegments({ from: '2022-09-05', to: '2022-09-09' })
    expect(s.headDays).toEqual({ from: '2022-09-05', to: '2022-09-09' })
    expect(s.months.from > s.months.to).toBe(true)
    expect(s.tailDays.from > s.tailDays.to).toBe(true)
  })

  it('December into January crosses the year', () => {
    const s = periodSegments({ from: '2022-12-20', to: '2023-02-28' })
    expect(s).toMatchObject({ months: { from: '2023-01-01', to: '2023-02-01' }, headDays: { from: '2022-12-20', to: '2022-12-31' } })
    expect(s.tailDays.from > s.tailDays.to).toBe(true)
  })
})
