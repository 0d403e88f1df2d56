import { describe, expect, it } from 'vitest'
import { decreeDate, letterDate, periodLabel, previousMonths } from './letter-dates.js'

describe('dates in official documents', () => {
  it('the date line of Decree 30 pads days under 10 and the months January and February with a zero', () => {
    expect(decreeDate('2022-09-15')).toBe('ngày 15 tháng 9 năm 2022')
    expect(decreeDate('2023-02-05')).toBe('ngày 05 tháng 02 năm 2023')
    expect(decreeDate('2022-12-01')).toBe('ngày 01 tháng 12 năm 2022')
  })

  it('a date in the text is written as the Tứ Kỳ letters do: "20/9/2022", "05/4/2022"', () => {
    expect(letterDate('2022-09-20')).toBe('20/9/2022')
    expect(letterDate('2022-04-05')).toBe('05/4/2022')
  })

  it('a whole month is "tháng 7", a week "từ ngày 05/9-09/9/2022", a whole year "năm 2022"', () => {
    expect(periodLabel({ from: '2022-07-01', to: '2022-07-31' }, false)).toBe('tháng 7')
    expect(periodLabel({ from: '2022-07-01', to: '2022-07-31' })).toBe('tháng 7/2022')
    expect(periodLabel({ from: '2022-09-05', to: '2022-09-09' })).toBe('từ ngày 05/9-09/9/2022')
    expect(periodLabel({ from: '2022-12-26', to: '2023-01-06' })).toBe('từ ngày 26/12/2022-06/1/2023')
    expect(periodLabel({ from: '2022-01-01', to: '2022-12-31' })).toBe('năm 2022')
    expect(periodLabel({ from: '2022-09-20', to: '2022-09-20' })).toBe('ngày 20/9/2022')
  })

  it('the two months before the week of 5/9/2022 are July and August; before January come November and December', () => {
    expect(previousMonths('2022-09-05', 2)).toEqual([
      { from: '2022-07-01', to: '2022-07-31' },
      { from: '2022-08-01', to: '2022-08-31' },
    ])
    expect(previousMonths('2023-01-10', 2)).toEqual([
      { from: '2022-11-01', to: '2022-11-30' },
      { from: '2022-12-01', to: '2022-12-31' },
    ])
    expect(previousMonths('2024-03-04', 1)).toEqual([{ from: '2024-02-01', to: '2024-02-29' }])
  })
})
