import { describe, expect, it } from 'vitest'
import { checkPeriod, previousPeriod } from './period.js'

describe('the period a figure is compared with', () => {
  it('August 2022 is compared with July 2022', () => {
    expect(previousPeriod({ from: '2022-08-01', to: '2022-08-31' })).toEqual({ from: '2022-07-01', to: '2022-07-31' })
  })
  it('September (30 days) is compared with the whole of August (31)', () => {
    expect(previousPeriod({ from: '2022-09-01', to: '2022-09-30' })).toEqual({ from: '2022-08-01', to: '2022-08-31' })
  })
  it('the third quarter is compared with the second, and January with December', () => {
    expect(previousPeriod({ from: '2022-07-01', to: '2022-09-30' })).toEqual({ from: '2022-04-01', to: '2022-06-30' })
    expect(previousPeriod({ from: '2023-01-01', to: '2023-01-31' })).toEqual({ from: '2022-12-01', to: '2022-12-31' })
  })
  it('the working week 5–9/9/2022 is compared with the same days a week before, 29/8–2/9', () => {
    expect(previousPeriod({ from: '2022-09-05', to: '2022-09-09' })).toEqual({ from: '2022-08-29', to: '2022-09-02' })
  })
  it('any other stretch with the same number of days just before', () => {
    expect(previousPeriod({ from: '2022-09-05', to: '2022-09-18' })).toEqual({ from: '2022-08-22', to: '2022-09-04' })
  })
  it('refuses a period that ends before it starts, with the dates in the message', () => {
    expect(() => checkPeriod('2022-09-09', '2022-09-05')).toThrow(/from after to/)
  })
})
