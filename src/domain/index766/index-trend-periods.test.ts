import { describe, expect, it } from 'vitest'
import { parseIndexPeriod } from './index-period.js'
import { indexTrendPeriods } from './index-trend-periods.js'

const labels = (text: string) => indexTrendPeriods(parseIndexPeriod(text)).map((p) => p.label)

describe('the periods of an index trend', () => {
  it('a quarter: every month of its year up to the quarter’s last month', () => {
    expect(labels('2023-Q3')).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09'])
    expect(labels('2023-q1')).toEqual(['2023-01', '2023-02', '2023-03'])
  })

  it('a month: every month of its year up to it', () => {
    expect(labels('2024-02')).toEqual(['2024-01', '2024-02'])
    expect(indexTrendPeriods(parseIndexPeriod('2024-02')).at(-1)).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29' })
  })

  it('a year: its four quarters', () => {
    expect(indexTrendPeriods(parseIndexPeriod('2023'))).toEqual([
      { label: '2023-Q1', from: '2023-01-01', to: '2023-03-31' },
      { label: '2023-Q2', from: '2023-04-01', to: '2023-06-30' },
      { label: '2023-Q3', from: '2023-07-01', to: '2023-09-30' },
      { label: '2023-Q4', from: '2023-10-01', to: '2023-12-31' },
    ])
  })
})
