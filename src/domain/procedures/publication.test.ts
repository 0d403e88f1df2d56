import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { decisionDeadline, nationalDbOnTime, publishedOnTime, UNKNOWN_PUBLICATION } from './publication.js'

const calendar = new WorkingCalendar()

describe('1.1 and 1.2: a procedure published on time', () => {
  it('a legal basis taking effect on Friday 1/7/2022 needs the act by Friday 24/6 (5 working days before)', () => {
    expect(decisionDeadline(calendar, '2022-07-01')).toBe('2022-06-24')
    expect(publishedOnTime(calendar, { ...UNKNOWN_PUBLICATION, legalBasisEffectiveOn: '2022-07-01', decidedOn: '2022-06-24' })).toBe(true)
    expect(publishedOnTime(calendar, { ...UNKNOWN_PUBLICATION, legalBasisEffectiveOn: '2022-07-01', decidedOn: '2022-06-27' })).toBe(false)
  })

  it('counts working days only: effective Friday 6/5/2022 needs the act by Wednesday 27/4 (the 2/5–3/5 holidays skipped)', () => {
    // Back from 6/5: 5/5 (1), 4/5 (2), 29/4 (3), 28/4 (4), 27/4 (5).
    expect(decisionDeadline(calendar, '2022-05-06')).toBe('2022-04-27')
  })

  it('an act of Friday 29/4/2022 must be on the national database by Tuesday 10/5 (5 working days)', () => {
    // After 29/4: 4/5 (1), 5/5 (2), 6/5 (3), 9/5 (4), 10/5 (5).
    expect(nationalDbOnTime(calendar, { ...UNKNOWN_PUBLICATION, decidedOn: '2022-04-29', nationalDbUpdatedOn: '2022-05-10' })).toBe(true)
    expect(nationalDbOnTime(calendar, { ...UNKNOWN_PUBLICATION, decidedOn: '2022-04-29', nationalDbUpdatedOn: '2022-05-11' })).toBe(false)
  })

  it('what is not known stays unknown, never late', () => {
    expect(publishedOnTime(calendar, { ...UNKNOWN_PUBLICATION, decidedOn: '2022-04-29' })).toBeNull()
    expect(nationalDbOnTime(calendar, { ...UNKNOWN_PUBLICATION, decidedOn: '2022-04-29' })).toBeNull()
  })
})
