import { describe, expect, it } from 'vitest'
import { holiday } from './calendar-day-builders.js'
import { compensatoryDays } from './compensatory-days.js'

const LAW = 'test'

describe('compensatory days (nghỉ bù, BLLĐ 2019 Điều 111 khoản 3)', () => {
  it('a holiday on a weekday gives no compensatory day', () => {
    expect(compensatoryDays([holiday('2024-01-01', 'Tết Dương lịch', LAW)], LAW)).toEqual([])
  })

  it('New Year’s Day on Saturday 1/1/2022 gives Monday 3/1/2022 off', () => {
    const days = compensatoryDays([holiday('2022-01-01', 'Tết Dương lịch', LAW)], LAW)
    expect(days).toEqual([
      { date: '2022-01-03', kind: 'holiday', name: 'Nghỉ bù Tết Dương lịch ngày 1/1', source: LAW },
    ])
  })

  it('Giỗ Tổ on Saturday 29/4/2023, 30/4 on Sunday and 1/5 on Monday give Tuesday 2/5 and Wednesday 3/5', () => {
    const days = compensatoryDays(
      [
        holiday('2023-05-01', 'Ngày Quốc tế lao động', LAW),
        holiday('2023-04-30', 'Ngày Chiến thắng', LAW),
        holiday('2023-04-29', 'Giỗ Tổ Hùng Vương', LAW),
      ],
      LAW,
    )
    expect(days.map((d) => [d.date, d.name])).toEqual([
      ['2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương ngày 29/4'],
      ['2023-05-03', 'Nghỉ bù Ngày Chiến thắng ngày 30/4'],
    ])
  })

  it('two holidays on the same weekday still cost one compensatory day', () => {
    const days = compensatoryDays(
      [holiday('2030-04-30', 'Ngày Chiến thắng', LAW), holiday('2030-04-30', 'Giỗ Tổ Hùng Vương', LAW)],
      LAW,
    )
    // 30/4/2030 is a Tuesday; 1/5 is not in this list, so Wednesday 1/5 is the next working day.
    expect(days.map((d) => d.date)).toEqual(['2030-05-01'])
  })
})
