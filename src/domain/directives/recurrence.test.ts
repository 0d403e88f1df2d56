import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { dayOfWeek } from '../time/local-date.js'
import { isoWeekKey, occurrencesBetween, parseRecurrence, recurrenceLabel, recurrenceText } from './recurrence.js'

const calendar = new WorkingCalendar()

describe('a recurrence on the working-day calendar', () => {
  it('reads and writes the stored rules, and refuses rules that name no day', () => {
    for (const text of ['once', 'weekly:5', 'monthly:25', 'quarterly:20', 'yearly:12-15']) expect(recurrenceText(parseRecurrence(text)!)).toBe(text)
    for (const text of ['weekly:6', 'weekly:0', 'monthly:32', 'monthly:0', 'yearly:02-30', 'yearly:13-01', 'daily', '']) expect(parseRecurrence(text)).toBeNull()
    expect(recurrenceLabel(parseRecurrence('monthly:25')!)).toBe('trước ngày 25 hằng tháng')
    expect(recurrenceLabel(parseRecurrence('weekly:5')!)).toBe('hằng tuần, thứ Sáu')
  })

  it('"monthly before the 25th" in September 2022, whose 24th is a Saturday, is due Friday 23rd', () => {
    expect(dayOfWeek('2022-09-24')).toBe(6)
    expect(occurrencesBetween(parseRecurrence('monthly:25')!, null, '2022-09-01', '2022-09-30', calendar)).toEqual([{ periodKey: '2022-09', dueOn: '2022-09-23' }])
  })

  it('"monthly before the 25th" in a month whose 24th is a Sunday (April 2022) is due Friday 22nd', () => {
    expect(dayOfWeek('2022-04-24')).toBe(0)
    expect(occurrencesBetween(parseRecurrence('monthly:25')!, null, '2022-04-01', '2022-04-30', calendar)).toEqual([{ periodKey: '2022-04', dueOn: '2022-04-22' }])
  })

  it('every month once, each on the last working day before the 25th', () => {
    const found = occurrencesBetween(parseRecurrence('monthly:25')!, null, '2022-01-01', '2022-12-31', calendar)
    expect(found.map((o) => o.periodKey)).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`))
    for (const o of found) {
      expect(o.dueOn < `${o.periodKey}-25`).toBe(true)
      expect(calendar.isWorkingDay(o.dueOn)).toBe(true)
      for (let d = Number(o.dueOn.slice(8)) + 1; d < 25; d++) expect(calendar.isWorkingDay(`${o.periodKey}-${String(d).padStart(2, '0')}`)).toBe(false)
    }
  })

  it('"before the 31st" in a short month is the month\'s last working day', () => {
    expect(occurrencesBetween(parseRecurrence('monthly:31')!, null, '2022-02-01', '2022-03-10', calendar)).toEqual([{ periodKey: '2022-02', dueOn: '2022-02-28' }])
  })

  it('weekly on Friday: one per ISO week; a Friday off moves back to the last working day before it', () => {
    const weeks = occurrencesBetween(parseRecurrence('weekly:5')!, null, '2022-09-15', '2022-09-30', calendar)
    expect(weeks).toEqual([
      { periodKey: '2022-W37', dueOn: '2022-09-16' },
      { periodKey: '2022-W38', dueOn: '2022-09-23' },
      { periodKey: '2022-W39', dueOn: '2022-09-30' },
    ])
    // National Day 2022 was Thursday 1 and Friday 2 September off: due Wednesday 31/8.
    expect(calendar.isWorkingDay('2022-09-01') || calendar.isWorkingDay('2022-09-02')).toBe(false)
    expect(occurrencesBetween(parseRecurrence('weekly:5')!, null, '2022-08-29', '2022-09-04', calendar)).toEqual([{ periodKey: '2022-W35', dueOn: '2022-08-31' }])
  })

  it('names ISO weeks by the Thursday\'s year', () => {
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53')
    expect(isoWeekKey('2022-01-03')).toBe('2022-W01')
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01')
  })

  it('quarterly before the 20th of the quarter\'s last month, and yearly before a date', () => {
    const quarters = occurrencesBetween(parseRecurrence('quarterly:20')!, null, '2022-01-01', '2022-12-31', calendar)
    expect(quarters.map((q) => q.periodKey)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4'])
    expect(quarters.map((q) => q.dueOn)).toEqual(['2022-03-18', '2022-06-17', '2022-09-19', '2022-12-19'])
    expect(occurrencesBetween(parseRecurrence('yearly:12-15')!, null, '2022-01-01', '2023-12-31', calendar)).toEqual([
      { periodKey: '2022', dueOn: '2022-12-14' },
      { periodKey: '2023', dueOn: '2023-12-14' },
    ])
  })

  it('a once task has its one date, inside the window only', () => {
    expect(occurrencesBetween({ kind: 'once' }, '2022-09-19', '2022-09-15', '2022-09-30', calendar)).toEqual([{ periodKey: 'once', dueOn: '2022-09-19' }])
    expect(occurrencesBetween({ kind: 'once' }, '2022-09-19', '2022-09-20', '2022-09-30', calendar)).toEqual([])
  })
})
