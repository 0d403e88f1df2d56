import { describe, expect, it } from 'vitest'
import { isWeekend, type LocalDate } from '../time/local-date.js'
import { type CalendarDay, CalendarDayKind } from './calendar-day.js'
import { COMPUTED_SOURCE, computedDaysForYear } from './default-days.js'
import { lunarHolidaysOf } from './lunar-days.js'
import { officialDaysForYear } from './vietnam-official-days.js'
import { WorkingCalendar } from './working-calendar.js'

function datesNamed(days: readonly CalendarDay[], name: string): LocalDate[] {
  return days.filter((d) => d.name === name).map((d) => d.date)
}

/** Working days lost over a year, net of Saturdays worked in exchange. */
function netWorkingDaysOff(days: readonly CalendarDay[]): number {
  const off = days.filter((d) => d.kind === CalendarDayKind.holiday && !isWeekend(d.date)).length
  const worked = days.filter((d) => d.kind === CalendarDayKind.workday && isWeekend(d.date)).length
  return off - worked
}

describe('the lunar holidays from date-holidays', () => {
  // Mùng 1 Tết, 2020–2030. 2030 is the year Vietnam and China differ: the new moon comes at
  // 23:07 in Hà Nội on 2/2/2030 but 00:07 on 3/2 in Beijing, so Tết is on 2/2, a day before
  // the Chinese New Year.
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'],
  ])('the lunar new year of %i falls on %s', (year, date) => {
    expect(lunarHolidaysOf(year).lunarNewYear).toBe(date)
    expect(datesNamed(computedDaysForYear(year), 'Tết Nguyên Đán (mùng 1)')).toEqual([date])
  })

  it.each([2020, 2021, 2022, 2023, 2024, 2025, 2026])(
    'Giỗ Tổ Hùng Vương %i is computed on the day the official calendar lists',
    (year) => {
      const official = datesNamed(officialDaysForYear(year) ?? [], 'Giỗ Tổ Hùng Vương')
      expect(official).toHaveLength(1)
      expect(datesNamed(computedDaysForYear(year), 'Giỗ Tổ Hùng Vương')).toEqual(official)
    },
  )
})

describe('the days the law alone implies (computedDaysForYear)', () => {
  it('Tết 2027 (mùng 1 on Saturday 6/2) is Friday 5/2 to Tuesday 9/2, with Wednesday 10/2 and Thursday 11/2 in compensation', () => {
    const days = computedDaysForYear(2027)
    const tet = days.filter((d) => d.name.startsWith('Tết Nguyên Đán')).map((d) => d.date)
    expect(tet).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'])
    const makeUp = days.filter((d) => d.name.startsWith('Nghỉ bù Tết Nguyên Đán')).map((d) => d.date)
    expect(makeUp).toEqual(['2027-02-10', '2027-02-11'])
  })

  it('Quốc khánh 2029 (Sunday 2/9) takes Monday 3/9 and Tuesday 4/9 off, as choosing 3/9 would', () => {
    const calendar = new WorkingCalendar(computedDaysForYear)
    expect(calendar.workingDaysIn('2029-08-31', '2029-09-05')).toEqual(['2029-08-31', '2029-09-05'])
  })

  it.each([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035])(
    '%i loses exactly the 11 statutory working days',
    (year) => {
      expect(netWorkingDaysOff(computedDaysForYear(year))).toBe(11)
    },
  )

  it('every entry is dated in its year, sorted, and names its source', () => {
    const days = computedDaysForYear(2028)
    expect(days.every((d) => d.date.startsWith('2028-'))).toBe(true)
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort())
    expect(days.find((d) => d.date === '2028-01-01')?.source).toBe(COMPUTED_SOURCE)
    expect(days.every((d) => d.source.startsWith('computed:'))).toBe(true)
  })

  it('before 2021 Quốc khánh is one day, as the 2012 Labour Code had it', () => {
    const days = computedDaysForYear(2019)
    expect(days.some((d) => d.date === '2019-09-01')).toBe(false)
    expect(days.find((d) => d.date === '2019-09-02')?.source).toContain('2012')
  })
})

describe('the official calendar differs from the law’s days only where a notice chose otherwise', () => {
  // Each year's Tết pattern as its notice took it: days before mùng 1.
  const cases: Array<[number, 1 | 2, LocalDate[]]> = [
    [2020, 2, []],
    [2021, 2, ['2021-09-01', '2021-09-03']], // the second Quốc khánh day was 3/9, not 1/9
    [2022, 1, []],
    [2023, 2, []],
    [2024, 2, ['2024-04-29', '2024-05-04']], // off Monday 29/4, worked Saturday 4/5
    [2025, 2, ['2025-04-26', '2025-05-02']], // worked Saturday 26/4, off Friday 2/5
    [2026, 1, ['2026-01-02', '2026-01-10', '2026-08-22', '2026-08-31']], // two swaps
  ]

  it.each(cases)('%i (Tết from %i day(s) before mùng 1)', (year, daysBeforeTet, expectedDifferences) => {
    const official = new WorkingCalendar((y) => officialDaysForYear(y) ?? [])
    const computed = new WorkingCalendar((y) => computedDaysForYear(y, { daysBeforeTet }))
    const differences = official
      .workingDaysIn(`${year}-01-01`, `${year}-12-31`)
      .filter((d) => !computed.isWorkingDay(d))
      .concat(computed.workingDaysIn(`${year}-01-01`, `${year}-12-31`).filter((d) => !official.isWorkingDay(d)))
      .sort()
    expect(differences).toEqual(expectedDifferences)
  })
})
