import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { vietnamDateTime as at } from '../time/vietnam-time.js'
import { deadlineStanding, dueSoonLimit } from './due-soon.js'

const calendar = new WorkingCalendar()

describe('which dossiers are due soon, on the working-day calendar', () => {
  it('on Thursday 28/4/2022 the next working day is Wednesday 4/5/2022 (30/4–3/5 off): due soon until its 17:00', () => {
    expect(dueSoonLimit(calendar, at('2022-04-28', '09:00'), 2)).toEqual(at('2022-05-04', '17:00'))
    expect(dueSoonLimit(calendar, at('2022-04-29', '16:00'))).toEqual(at('2022-05-04', '17:00'))
  })

  it('on an ordinary Monday one working day ahead is Tuesday, three is Thursday', () => {
    expect(dueSoonLimit(calendar, at('2022-09-12', '08:00'), 1)).toEqual(at('2022-09-13', '17:00'))
    expect(dueSoonLimit(calendar, at('2022-09-12', '08:00'), 3)).toEqual(at('2022-09-15', '17:00'))
  })

  it('a dossier past due is overdue, one due by the limit is due soon, a later one is neither', () => {
    const now = at('2022-09-12', '10:00')
    const limit = dueSoonLimit(calendar, now, 1)
    expect(deadlineStanding(at('2022-09-12', '09:59'), now, limit)).toBe('overdue')
    expect(deadlineStanding(at('2022-09-12', '17:00'), now, limit)).toBe('due_soon')
    expect(deadlineStanding(at('2022-09-13', '17:00'), now, limit)).toBe('due_soon')
    expect(deadlineStanding(at('2022-09-14', '17:00'), now, limit)).toBe('later')
    expect(deadlineStanding(null, now, limit)).toBe('none')
  })
})
