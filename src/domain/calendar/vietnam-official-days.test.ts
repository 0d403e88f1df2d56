import { describe, expect, it } from 'vitest'
import { isWeekend, yearOf } from '../time/local-date.js'
import { type CalendarDay, CalendarDayKind } from './calendar-day.js'
import { OFFICIAL_YEARS, officialDaysForYear } from './vietnam-official-days.js'
import { WorkingCalendar } from './working-calendar.js'

const official = new WorkingCalendar((year) => officialDaysForYear(year) ?? [])

function netWorkingDaysOff(days: readonly CalendarDay[]): number {
  const off = days.filter((d) => d.kind === CalendarDayKind.holiday && !isWeekend(d.date)).length
  const worked = days.filter((d) => d.kind === CalendarDayKind.workday && isWeekend(d.date)).length
  return off - worked
}

describe('the announced days, 2020–2026', () => {
  it('covers every year from 2020 through 2026', () => {
    expect(OFFICIAL_YEARS.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026])
  })

  it.each(OFFICIAL_YEARS.map((y) => [y.year, y] as const))('%i: every entry is dated in its year, once, with a source', (year, entry) => {
    const dates = entry.days.map((d) => d.date)
    expect(new Set(dates).size).toBe(dates.length)
    for (const day of entry.days) {
      expect(yearOf(day.date)).toBe(year)
      expect(day.name).not.toBe('')
      expect(day.source).not.toBe('')
    }
    expect(entry.notices.length).toBeGreaterThan(0)
  })

  it.each(OFFICIAL_YEARS.map((y) => [y.year, y] as const))('%i: a swapped working day (làm bù) is always a Saturday or Sunday', (_year, entry) => {
    for (const day of entry.days.filter((d) => d.kind === CalendarDayKind.workday)) {
      expect(isWeekend(day.date)).toBe(true)
      expect(day.name).toMatch(/^Làm bù cho ngày \d+\/\d+$/)
    }
  })

  // The law grants 10 paid holidays until 2020 (BLLĐ 2012) and 11 from 2021 (BLLĐ 2019); a swap
  // moves a day without adding one. Any typo in the table breaks this count.
  it.each(OFFICIAL_YEARS.map((y) => [y.year, y.year < 2021 ? 10 : 11] as const))(
    '%i takes exactly %i working days off, net of swapped Saturdays',
    (year, expected) => {
      expect(netWorkingDaysOff(officialDaysForYear(year) ?? [])).toBe(expected)
    },
  )

  it('a year without data is not invented', () => {
    expect(officialDaysForYear(2019)).toBeUndefined()
    expect(officialDaysForYear(2027)).toBeUndefined()
  })
})

describe('what the notices set', () => {
  it('2020: Tết Canh Tý from Thursday 23/1 to Wednesday 29/1 (Thông báo 4544/TB-LĐTBXH)', () => {
    expect(official.workingDaysIn('2020-01-22', '2020-01-30')).toEqual(['2020-01-22', '2020-01-30'])
    expect(official.dayInfo('2020-01-23').entry?.source).toContain('4544/TB-LĐTBXH')
  })

  it('2021: Tết Tân Sửu 10/2–16/2 and Quốc khánh Thursday 2/9–Friday 3/9 (Công văn 9895/VPCP-KGVX)', () => {
    expect(official.workingDaysIn('2021-02-09', '2021-02-17')).toEqual(['2021-02-09', '2021-02-17'])
    expect(official.workingDaysIn('2021-09-01', '2021-09-06')).toEqual(['2021-09-01', '2021-09-06'])
    expect(official.isWorkingDay('2021-05-03')).toBe(false) // 1/5 on Saturday
  })

  it('2022: 1/1 moved to Monday 3/1, Tết 29/1–6/2, Giỗ Tổ moved to Monday 11/4, 30/4–1/5 moved to 2/5–3/5', () => {
    for (const date of ['2022-01-03', '2022-01-31', '2022-02-04', '2022-04-11', '2022-05-02', '2022-05-03']) {
      expect(official.isWorkingDay(date)).toBe(false)
    }
    expect(official.isWorkingDay('2022-02-07')).toBe(true)
  })

  it('2022: Thursday 1/9 and Friday 2/9 are not working days (Quốc khánh)', () => {
    expect(official.isWorkingDay('2022-09-01')).toBe(false)
    expect(official.isWorkingDay('2022-09-02')).toBe(false)
    expect(official.dayInfo('2022-09-01').entry?.name).toBe('Quốc khánh (ngày liền kề)')
  })

  it('2023: Monday 2/1 for Sunday 1/1, Tết 20/1–26/1, 29/4–3/5 and 1/9–4/9', () => {
    expect(official.isWorkingDay('2023-01-02')).toBe(false)
    expect(official.workingDaysIn('2023-01-19', '2023-01-27')).toEqual(['2023-01-19', '2023-01-27'])
    expect(official.workingDaysIn('2023-04-28', '2023-05-04')).toEqual(['2023-04-28', '2023-05-04'])
    expect(official.workingDaysIn('2023-08-31', '2023-09-05')).toEqual(['2023-08-31', '2023-09-05'])
  })

  it('2024: Tết 8/2–14/2, Giỗ Tổ Thursday 18/4, 27/4–1/5 with Saturday 4/5 worked, 31/8–3/9', () => {
    expect(official.workingDaysIn('2024-02-07', '2024-02-15')).toEqual(['2024-02-07', '2024-02-15'])
    expect(official.isWorkingDay('2024-04-18')).toBe(false)
    expect(official.workingDaysIn('2024-04-26', '2024-05-04')).toEqual(['2024-04-26', '2024-05-02', '2024-05-03', '2024-05-04'])
    expect(official.dayInfo('2024-05-04')).toMatchObject({ working: true, entry: { kind: 'workday', name: 'Làm bù cho ngày 29/4' } })
    expect(official.workingDaysIn('2024-08-30', '2024-09-04')).toEqual(['2024-08-30', '2024-09-04'])
  })

  it('2025: Tết 25/1–2/2, 30/4–4/5 with Saturday 26/4 worked, Quốc khánh 30/8–2/9 (Thông báo 6150/TB-LĐTBXH)', () => {
    expect(official.workingDaysIn('2025-01-24', '2025-02-03')).toEqual(['2025-01-24', '2025-02-03'])
    expect(official.isWorkingDay('2025-04-26')).toBe(true)
    expect(official.workingDaysIn('2025-04-29', '2025-05-05')).toEqual(['2025-04-29', '2025-05-05'])
    expect(official.workingDaysIn('2025-08-29', '2025-09-03')).toEqual(['2025-08-29', '2025-09-03'])
  })

  it('2026: New Year 1/1–4/1 with Saturday 10/1 worked (Công văn 12729/VPCP-KGVX)', () => {
    expect(official.workingDaysIn('2025-12-31', '2026-01-05')).toEqual(['2025-12-31', '2026-01-05'])
    expect(official.isWorkingDay('2026-01-10')).toBe(true)
  })

  it('2026: Tết Bính Ngọ, Monday 16/2 to Friday 20/2 with the weekends either side, 14/2–22/2 (Thông báo 9441/TB-BNV)', () => {
    expect(official.workingDaysIn('2026-02-13', '2026-02-23')).toEqual(['2026-02-13', '2026-02-23'])
    expect(official.dayInfo('2026-02-16').entry?.source).toContain('9441/TB-BNV')
  })

  it('2026: Giỗ Tổ on Sunday 26/4 moves to Monday 27/4; 30/4–1/5 are Thursday and Friday', () => {
    expect(official.workingDaysIn('2026-04-24', '2026-05-04')).toEqual(['2026-04-24', '2026-04-28', '2026-04-29', '2026-05-04'])
  })

  it('2026: Quốc khánh 29/8–2/9, Monday 31/8 swapped for Saturday 22/8 (Thông báo 9441/TB-BNV)', () => {
    expect(official.isWorkingDay('2026-08-22')).toBe(true)
    expect(official.workingDaysIn('2026-08-28', '2026-09-03')).toEqual(['2026-08-28', '2026-09-03'])
  })

  it('2026: 24/11 (Ngày Văn hóa Việt Nam) is still a working day until the Labour Code is amended', () => {
    expect(official.isWorkingDay('2026-11-24')).toBe(true)
  })
})
