import { describe, expect, it } from 'vitest'
import { seriesBuckets } from './series-buckets.js'

describe('a period cut into weeks, months, quarters and years', () => {
  it('weeks start on Monday; the first and last are cut to the period', () => {
    expect(seriesBuckets({ from: '2022-09-01', to: '2022-09-14' }, 'week')).toEqual([
      { from: '2022-09-01', to: '2022-09-04', label: 'Tuần 29/8–04/9/2022' },
      { from: '2022-09-05', to: '2022-09-11', label: 'Tuần 05/9–11/9/2022' },
      { from: '2022-09-12', to: '2022-09-14', label: 'Tuần 12/9–18/9/2022' },
    ])
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
    expect(seriesBuckets({ from: '2022-06-01', to: '2023-02-01' }, 'year').map((b) => b.label)).toEqual(['Năm 2022', 'Năm 2023'])
  })
})
