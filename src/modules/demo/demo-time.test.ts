import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../../domain/calendar/index.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import {
  addWorkingDays,
  compactDay,
  dayOfInstant,
  isWorkingDay,
  isoOfDay,
  nextWorkingDayFrom,
  parseIsoDay,
  secondsOfDay,
  vnInstant,
  weekdayOf,
} from './demo-time.js'

describe('dates of the demo, in Vietnam time', () => {
  it('builds instants at a Vietnamese wall-clock time whatever the machine time zone', () => {
    const day = parseIsoDay('2022-09-05')
    const instant = vnInstant(day, 8 * 3600 + 15 * 60)
    expect(instant).toEqual(new Date('2022-09-05T08:15:00+07:00'))
    expect(dayOfInstant(instant)).toBe(day)
    expect(secondsOfDay(instant)).toBe(8 * 3600 + 15 * 60)
    expect(dayOfInstant(new Date('2022-09-05T23:30:00+07:00'))).toBe(day)
  })

  it('knows weekdays, ISO and compact dates', () => {
    expect(weekdayOf(parseIsoDay('2022-09-05'))).toBe(1) // a Monday
    expect(isoOfDay(parseIsoDay('2023-12-31'))).toBe('2023-12-31')
    expect(compactDay(parseIsoDay('2022-09-05'))).toBe('220905')
    expect(() => parseIsoDay('2022-02-30')).toThrow()
    expect(() => parseIsoDay('5/9/2022')).toThrow()
  })

  it('steps over weekends and holidays: Quốc khánh 2022 was Thursday 1/9 and Friday 2/9', () => {
    const wednesday = parseIsoDay('2022-08-31')
    expect(isoOfDay(addWorkingDays(wednesday, 1))).toBe('2022-09-05')
    expect(isoOfDay(nextWorkingDayFrom(parseIsoDay('2022-09-03')))).toBe('2022-09-05')
    expect(isWorkingDay(parseIsoDay('2023-01-25'))).toBe(false) // Tết Quý Mão
  })

  it("its days off in 2022 and 2023 are exactly the product calendar's", () => {
    const calendar = new WorkingCalendar()
    const differences: string[] = []
    for (let day = parseIsoDay('2022-01-01'); day <= parseIsoDay('2023-12-31'); day++) {
      const date = toVietnamDate(vnInstant(day, 12 * 3600))
      if (calendar.isWorkingDay(date) !== isWorkingDay(day)) differences.push(isoOfDay(day))
    }
    expect(differences).toEqual([])
  })
})
