import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { vietnamDateTime } from '../time/vietnam-time.js'
import { processingWorkingDays } from './processing-time-2-2.js'

const calendar = new WorkingCalendar()
const at = (date: string, time = '08:00') => vietnamDateTime(date, time)

describe('2.2: a finished dossier\u2019s processing time in working days', () => {
  it('is 0 the same day, 1 the next working day, and skips the weekend', () => {
    expect(processingWorkingDays(calendar, at('2022-09-05'), at('2022-09-05', '16:00'), 0)).toBe(0)
    expect(processingWorkingDays(calendar, at('2022-09-05'), at('2022-09-06'), 0)).toBe(1)
    // Friday 9/9 → Monday 12/9: one working day.
    expect(processingWorkingDays(calendar, at('2022-09-09'), at('2022-09-12'), 0)).toBe(1)
  })

  it('less the applicant\u2019s supplement days, never below 0', () => {
    expect(processingWorkingDays(calendar, at('2022-09-05'), at('2022-09-09'), 2)).toBe(2)
    expect(processingWorkingDays(calendar, at('2022-09-05'), at('2022-09-06'), 3)).toBe(0)
  })
})
