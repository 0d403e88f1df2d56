import { describe, expect, it } from 'vitest'
import { DateInputError } from '../time/date-input-error.js'
import { addDays, yearOf } from '../time/local-date.js'
import { holiday, workday } from './calendar-day-builders.js'
import type { CalendarDay } from './calendar-day.js'
import { CalendarError } from './calendar-error.js'
import { builtInDaysForYear, WorkingCalendar } from './working-calendar.js'

const calendar = new WorkingCalendar()

describe('working days', () => {
  it('Monday to Friday are working days, Saturday and Sunday are not', () => {
    expect(calendar.isWorkingDay('2023-03-06')).toBe(true) // Monday
    expect(calendar.isWorkingDay('2023-03-10')).toBe(true) // Friday
    expect(calendar.isWorkingDay('2023-03-11')).toBe(false) // Saturday
    expect(calendar.isWorkingDay('2023-03-12')).toBe(false) // Sunday
  })

  it('a holiday on a weekday is not a working day, and says which holiday it is', () => {
    expect(calendar.dayInfo('2022-09-02')).toMatchObject({ working: false, entry: { kind: 'holiday', name: 'Quốc khánh' } })
  })

  it('an ordinary day has no entry', () => {
    expect(calendar.dayInfo('2023-03-07')).toEqual({ working: true })
  })

  it('a dossier received on Friday 29/4/2022 with 3 working days is due on Friday 6/5/2022 (30/4–3/5/2022 were off)', () => {
    expect(calendar.workingDaysIn('2022-04-29', '2022-05-06')).toEqual(['2022-04-29', '2022-05-04', '2022-05-05', '2022-05-06'])
    expect(calendar.addWorkingDays('2022-04-29', 3)).toBe('2022-05-06')
  })

  it('the next working day after Wednesday 31/8/2022 is Monday 5/9/2022', () => {
    expect(calendar.nextWorkingDay('2022-08-31')).toBe('2022-09-05')
  })

  it('the next working day is strictly after the date, even when the date is a working day', () => {
    expect(calendar.nextWorkingDay('2023-03-07')).toBe('2023-03-08')
  })

  it('adding 0 working days gives the date itself, even a Sunday', () => {
    expect(calendar.addWorkingDays('2023-03-12', 0)).toBe('2023-03-12')
  })

  it('counts the working days after one date up to and including another', () => {
    // After Thursday 19/1/2023: Friday 27/1 (after Tết) and Monday 30/1.
    expect(calendar.workingDaysBetween('2023-01-19', '2023-01-30')).toBe(2)
    expect(calendar.workingDaysBetween('2023-01-30', '2023-01-19')).toBe(0)
    expect(calendar.workingDaysBetween('2023-01-19', '2023-01-19')).toBe(0)
  })

  it('works across New Year: from Wednesday 31/12/2025 the next working day is Monday 5/1/2026', () => {
    expect(calendar.nextWorkingDay('2025-12-31')).toBe('2026-01-05')
  })

  it('uses the law’s days for a year without a notice: 1/1/2028 (Saturday) gives Monday 3/1/2028 off', () => {
    expect(calendar.isWorkingDay('2028-01-03')).toBe(false)
    expect(calendar.dayInfo('2028-01-03').entry?.source).toContain('computed:')
  })
})

describe('a calendar built from another source of days (administrator edits)', () => {
  it('asks for each year once', () => {
    const asked: number[] = []
    const cal = new WorkingCalendar((year) => {
      asked.push(year)
      return builtInDaysForYear(year)
    })
    cal.workingDaysBetween('2024-01-01', '2024-12-31')
    cal.isWorkingDay('2024-05-04')
    cal.isWorkingDay('2025-01-01')
    expect(asked).toEqual([2024, 2025])
  })

  it('a later entry on the same date wins, so a correction can be appended', () => {
    const cal = new WorkingCalendar((year): CalendarDay[] =>
      year === 2026
        ? [...builtInDaysForYear(2026), holiday('2026-11-24', 'Ngày Văn hóa Việt Nam', 'test'), workday('2026-09-01', 'Làm bù', 'test')]
        : [],
    )
    expect(cal.isWorkingDay('2026-11-24')).toBe(false)
    expect(cal.isWorkingDay('2026-09-01')).toBe(true)
  })

  it('ignores entries dated outside the year asked for, so blocks are never counted twice', () => {
    const cal = new WorkingCalendar((year) => (year === 2030 ? [holiday('2031-01-02', 'Sai năm', 'test')] : []))
    expect(cal.isWorkingDay('2031-01-02')).toBe(true)
  })

  it('refuses to search for ever when the data leaves no working day', () => {
    const broken = new WorkingCalendar((year) => {
      const days: CalendarDay[] = []
      for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) days.push(holiday(d, 'Nghỉ', 'test'))
      return days
    })
    expect(() => broken.nextWorkingDay('2030-06-01')).toThrow(CalendarError)
  })
})

describe('invalid input is rejected', () => {
  it('an impossible date', () => {
    expect(() => calendar.isWorkingDay('2022-02-30')).toThrow(DateInputError)
    expect(() => calendar.nextWorkingDay('2022-13-01')).toThrow(DateInputError)
    expect(() => calendar.workingDaysBetween('2022-01-01', '2022-02-30')).toThrow(DateInputError)
    expect(() => calendar.workingDaysIn('2022-02-30', '2022-03-01')).toThrow(DateInputError)
  })

  it('a negative or fractional number of working days', () => {
    expect(() => calendar.addWorkingDays('2022-01-04', -1)).toThrow(CalendarError)
    expect(() => calendar.addWorkingDays('2022-01-04', 1.5)).toThrow(CalendarError)
  })
})
