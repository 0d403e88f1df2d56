import { describe, expect, it } from 'vitest'
import { describeMonths, monthLabel } from './data-months.js'

describe('which months have data, said to the reader of an empty period', () => {
  it('consecutive months read as one range, across a new year; a lone month alone', () => {
    expect(describeMonths(['2022-01', '2022-02', '2022-03', '2022-06', '2022-11', '2022-12', '2023-01'])).toBe('1/2022–3/2022, 6/2022, 11/2022–1/2023')
    expect(describeMonths(['2022-09'])).toBe('9/2022')
    expect(describeMonths([])).toBe('')
    expect(monthLabel('2023-10')).toBe('10/2023')
  })
})
