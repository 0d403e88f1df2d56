import { describe, expect, it } from 'vitest'
import { lastWholePeriods } from './last-whole-periods.js'

describe('the periods a server warms up with', () => {
  it('on 26/11/2026: October 2026 and the third quarter', () => {
    expect(lastWholePeriods('2026-11-26')).toEqual({ month: { from: '2026-10-01', to: '2026-10-31' }, quarter: '2026-Q3' })
  })
  it('on 1/1/2027: December 2026 and the fourth quarter of 2026', () => {
    expect(lastWholePeriods('2027-01-01')).toEqual({ month: { from: '2026-12-01', to: '2026-12-31' }, quarter: '2026-Q4' })
  })
  it('on 15/4/2026: March 2026 and the first quarter', () => {
    expect(lastWholePeriods('2026-04-15')).toEqual({ month: { from: '2026-03-01', to: '2026-03-31' }, quarter: '2026-Q1' })
  })
})
