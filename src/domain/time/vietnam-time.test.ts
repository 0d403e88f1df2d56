import { describe, expect, it } from 'vitest'
import { DateInputError } from './date-input-error.js'
import {
  addDays,
  dayOfWeek,
  daysBetween,
  formatDayMonth,
  formatVietnameseDate,
  isLocalDate,
  parseClockTime,
  parseIsoDate,
  startOfVietnamDay,
  toVietnamDate,
  vietnamDateTime,
  vietnamSecondsOfDay,
} from './vietnam-time.js'

describe('Vietnamese wall-clock time (UTC+7, no daylight saving)', () => {
  it('17:00 on 1/9/2022 in Hà Nội is 10:00 UTC', () => {
    expect(vietnamDateTime('2022-09-01', '17:00').toISOString()).toBe('2022-09-01T10:00:00.000Z')
  })

  it('a Vietnamese day starts at 17:00 UTC of the day before', () => {
    expect(startOfVietnamDay('2024-01-01').toISOString()).toBe('2023-12-31T17:00:00.000Z')
  })

  it('23:30 UTC on 31/12/2022 is already New Year’s Day 2023 in Vietnam', () => {
    expect(toVietnamDate(new Date('2022-12-31T23:30:00Z'))).toBe('2023-01-01')
  })

  it('16:59:59 UTC is still the same Vietnamese day, 17:00 UTC is the next', () => {
    expect(toVietnamDate(new Date('2023-03-07T16:59:59Z'))).toBe('2023-03-07')
    expect(toVietnamDate(new Date('2023-03-07T17:00:00Z'))).toBe('2023-03-08')
  })

  it('reads the clock on both sides of the offset', () => {
    expect(vietnamSecondsOfDay(new Date('2023-03-07T09:59:30Z'))).toBe((16 * 60 + 59) * 60 + 30)
    expect(vietnamSecondsOfDay(new Date('2023-03-07T17:30:00Z'))).toBe(30 * 60)
  })

  it('takes clock times as HH:MM or as PostgreSQL writes them, HH:MM:SS', () => {
    expect(parseClockTime('17:00')).toBe(17 * 3600)
    expect(parseClockTime('15:00:00')).toBe(15 * 3600)
    expect(vietnamDateTime('2023-03-07', '16:59:59').toISOString()).toBe('2023-03-07T09:59:59.000Z')
  })

  it('an instant given with +07:00 maps back to the same date and time', () => {
    const instant = new Date('2022-04-29T16:59:00+07:00')
    expect(toVietnamDate(instant)).toBe('2022-04-29')
    expect(instant).toEqual(vietnamDateTime('2022-04-29', '16:59'))
  })

  it('does not depend on the host time zone: dates before 1970 work too', () => {
    expect(toVietnamDate(vietnamDateTime('1945-09-02', '14:00'))).toBe('1945-09-02')
  })
})

describe('calendar dates', () => {
  it('counts weekdays from Sunday = 0: 2/9/2022 was a Friday, 1/1/2023 a Sunday', () => {
    expect(dayOfWeek('2022-09-02')).toBe(5)
    expect(dayOfWeek('2023-01-01')).toBe(0)
  })

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01')
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31')
    expect(addDays('2022-04-29', 0)).toBe('2022-04-29')
  })

  it('measures the distance between two dates in days', () => {
    expect(daysBetween('2022-01-29', '2022-02-06')).toBe(8)
    expect(daysBetween('2022-02-06', '2022-01-29')).toBe(-8)
  })

  it('writes dates the Vietnamese way', () => {
    expect(formatDayMonth('2024-05-04')).toBe('4/5')
    expect(formatVietnameseDate('2022-09-01')).toBe('1/9/2022')
  })
})

describe('invalid dates and times are rejected', () => {
  it.each(['2022-02-30', '2023-02-29', '2022-13-01', '2022-00-10', '2022-04-31', '2022-2-3', '22-02-03', '2022/02/03', '', '2022-02-03T00:00'])(
    '"%s" is not a date',
    (s) => {
      expect(isLocalDate(s)).toBe(false)
      expect(() => parseIsoDate(s)).toThrow(DateInputError)
    },
  )

  it('29/2 exists in leap years only (2024 yes, 2100 no, 2000 yes)', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29')
    expect(isLocalDate('2100-02-29')).toBe(false)
    expect(isLocalDate('2000-02-29')).toBe(true)
  })

  it('the error tells a person, in Vietnamese, what was wrong', () => {
    try {
      parseIsoDate('2022-02-30')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DateInputError)
      const e = error as DateInputError
      expect(e.code).toBe('invalid_date')
      expect(e.userMessage).toContain('Ngày không hợp lệ')
    }
  })

  it.each(['24:00', '7:00', '17h00', '17:60', '17:00:60', ''])('"%s" is not a clock time', (s) => {
    expect(() => parseClockTime(s)).toThrow(DateInputError)
  })

  it('every helper refuses an impossible date, not just the parser', () => {
    expect(() => addDays('2022-02-30', 1)).toThrow(DateInputError)
    expect(() => dayOfWeek('2022-02-30')).toThrow(DateInputError)
    expect(() => vietnamDateTime('2022-02-30', '17:00')).toThrow(DateInputError)
  })

  it('an invalid instant and a fractional day count are refused', () => {
    expect(() => toVietnamDate(new Date('not a date'))).toThrow(DateInputError)
    expect(() => addDays('2022-01-01', 1.5)).toThrow(DateInputError)
  })
})
