import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { isIsoDate, periodAround, presets, seriesRange } from './periods.js'

describe('the dashboard’s periods', () => {
  it('the week around Wednesday 7/9/2022 runs from Monday 5/9 to Sunday 11/9', () => {
    expect(periodAround('week', dayjs('2022-09-07'))).toEqual({ kind: 'week', from: '2022-09-05', to: '2022-09-11' })
  })

  it('a Sunday belongs to the week that began the Monday before', () => {
    expect(periodAround('week', dayjs('2022-09-11')).from).toBe('2022-09-05')
  })

  it('the third quarter of 2022 runs from 1/7 to 30/9, and February 2024 has 29 days', () => {
    expect(periodAround('quarter', dayjs('2022-08-15'))).toEqual({ kind: 'quarter', from: '2022-07-01', to: '2022-09-30' })
    expect(periodAround('month', dayjs('2024-02-10'))).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' })
  })

  it('"Tháng trước" on 15/1/2023 is December 2022, and "Quý trước" is the fourth quarter of 2022', () => {
    const byLabel = new Map(presets(dayjs('2023-01-15')).map((p) => [p.label, p.period]))
    expect(byLabel.get('Tháng trước')).toMatchObject({ from: '2022-12-01', to: '2022-12-31' })
    expect(byLabel.get('Quý trước')).toMatchObject({ from: '2022-10-01', to: '2022-12-31' })
    expect(byLabel.get('Năm trước')).toMatchObject({ from: '2022-01-01', to: '2022-12-31' })
  })

  it('a week’s trend shows the eight weeks up to it, a quarter’s the twelve months up to it', () => {
    expect(seriesRange({ kind: 'custom', from: '2022-09-05', to: '2022-09-09' })).toEqual({ from: '2022-07-18', to: '2022-09-11', granularity: 'week' })
    expect(seriesRange({ kind: 'quarter', from: '2022-07-01', to: '2022-09-30' })).toEqual({ from: '2021-10-01', to: '2022-09-30', granularity: 'month' })
  })

  it('a date in the address is taken only when it is a real day', () => {
    expect(isIsoDate('2022-09-05')).toBe(true)
    expect(isIsoDate('2022-9-5')).toBe(false)
    expect(isIsoDate(null)).toBe(false)
  })
})
