import { describe, expect, it } from 'vitest'
import { seriesBuckets } from './series-buckets.js'

describe('a period cut into weeks, months, quarters and years', () => {
  it('weeks start on Monday; the first and last are cut to the period', () => {
    expect(seriesBuckets({ from: '2022-09-01', to: '2022-09-14' }, 'week')).toEqual([
      { from: '2022-09-01', to: '2022-09-04', label: 'Tuần 01/9–04/9/2022' },
      { from: '2022-09-05', to: '2022-09-11', label: 'Tuần 05/9–11/9/2022' },
      { from: '2022-09-12', to: '2022-09-14', label: 'Tuần 12/9–14/9/2022' },
    ])
  })

  it('a bucket cut by the period is labelled by the days it holds: the week of 05/9–09/9 is not 05/9–11/9, September to the 14th is not "Tháng 9"', () => {
    expect(seriesBuckets({ from: '2022-08-15', to: '2022-09-09' }, 'week').at(-1)).toEqual({ from: '2022-09-05', to: '2022-09-09', label: 'Tuần 05/9–09/9/2022' })
    expect(seriesBuckets({ from: '2022-08-15', to: '2022-09-14' }, 'month')).toEqual([
      { from: '2022-08-15', to: '2022-08-31', label: '15/8–31/8/2022' },
      { from: '2022-09-01', to: '2022-09-14', label: '01/9–14/9/2022' },
    ])
    expect(seriesBuckets({ from: '2022-07-01', to: '2022-09-14' }, 'quarter')[0]!.label).toBe('01/7–14/9/2022')
    expect(seriesBuckets({ from: '2022-03-01', to: '2022-12-31' }, 'year')[0]!.label).toBe('01/3–31/12/2022')
    expect(seriesBuckets({ from: '2025-12-29', to: '2026-01-02' }, 'week')[0]!.label).toBe('Tuần 29/12/2025–02/1/2026')
  })

  it('July, August and September 2022 are three months; the third quarter is one', () => {
    expect(seriesBuckets({ from: '2022-07-01', to: '2022-09-30' }, 'month').map((b) => [b.from, b.to, b.label])).toEqual([
      ['2022-07-01', '2022-07-31', 'Tháng 7/2022'],
      ['2022-08-01', '2022-08-31', 'Tháng 8/2022'],
      ['2022-09-01', '2022-09-30', 'Tháng 9/2022'],
    ])
    expect(seriesBuckets({ from: '2022-07-01', to: '2022-09-30' }, 'quarter')).toEqual([{ from: '2022-07-01', to: '2022-09-30', label: 'Quý III/2022' }])
  })

  it('a year boundary and February of a leap year', () => {
    expect(seriesBuckets({ from: '2023-12-15', to: '2024-03-01' }, 'month').map((b) => b.to)).toEqual(['2023-12-31', '2024-01-31', '2024-02-29', '2024-03-01'])
    expect(seriesBuckets({ from: '2022-01-01', to: '2023-12-31' }, 'year').map((b) => b.label)).toEqual(['Năm 2022', 'Năm 2023'])
    expect(seriesBuckets({ from: '2022-06-01', to: '2023-02-01' }, 'year').map((b) => b.label)).toEqual(['01/6–31/12/2022', '01/1–01/2/2023'])
  })
})
