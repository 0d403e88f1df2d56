import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { isStuck, workingDaysSilent } from './stuck-dossier.js'

const calendar = new WorkingCalendar()
const at = (iso: string) => new Date(iso)

describe('a stuck dossier', () => {
  it('counts the working days since its last step: a weekend is not silence', () => {
    // Friday 7/10/2022 → Monday 10/10/2022: one working day.
    expect(workingDaysSilent(calendar, at('2022-10-07T09:00:00+07:00'), at('2022-10-10T09:00:00+07:00'))).toBe(1)
    expect(workingDaysSilent(calendar, at('2022-10-07T09:00:00+07:00'), at('2022-10-07T16:00:00+07:00'))).toBe(0)
  })

  it('is stuck after three working days in the unit’s hands, not while waiting for the applicant', () => {
    const lastStep = at('2022-10-07T09:00:00+07:00')
    expect(isStuck(calendar, 'processing', lastStep, at('2022-10-11T09:00:00+07:00'))).toBe(false)
    expect(isStuck(calendar, 'processing', lastStep, at('2022-10-12T09:00:00+07:00'))).toBe(true)
    expect(isStuck(calendar, 'supplement', lastStep, at('2022-10-20T09:00:00+07:00'))).toBe(false)
    expect(isStuck(calendar, 'returned', lastStep, at('2022-10-20T09:00:00+07:00'))).toBe(false)
  })
})
