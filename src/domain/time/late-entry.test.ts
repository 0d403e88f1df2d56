import { describe, expect, it } from 'vitest'
import { isLateEntry, settleClaimedTime } from './late-entry.js'
import { isWeekend } from './local-date.js'
import { latestRequestDate, requestDateProblem } from './request-date-bounds.js'

// A calendar of weekdays only: enough for the rule (the province's holidays move it the same way).
const weekdays = { isWorkingDay: (date: string) => !isWeekend(date) }
const vn = (local: string) => new Date(`${local}+07:00`)

describe('late entries (nhập bù)', () => {
  it('Friday’s paper report typed in on Monday is ordinary; Thursday’s is a late entry', () => {
    expect(isLateEntry(vn('2026-11-20T16:00:00'), vn('2026-11-23T08:00:00'), weekdays)).toBe(false)
    expect(isLateEntry(vn('2026-11-19T16:00:00'), vn('2026-11-23T08:00:00'), weekdays)).toBe(true)
  })

  it('a late entry needs a reason; it counts from its recording when judged by it, from its claim otherwise', () => {
    const claimed = vn('2026-11-02T09:00:00')
    const recorded = vn('2026-11-26T10:00:00')
    expect(settleClaimedTime(claimed, recorded, '  ', weekdays, 'recorded')).toHaveProperty('problem')
    expect(settleClaimedTime(claimed, recorded, 'Sổ giấy', weekdays, 'recorded')).toEqual({ at: recorded, late: { claimedAt: claimed, reason: 'Sổ giấy' } })
    expect(settleClaimedTime(claimed, recorded, 'Sổ giấy', weekdays, 'claimed')).toEqual({ at: claimed, late: { claimedAt: claimed, reason: 'Sổ giấy' } })
    expect(settleClaimedTime(vn('2026-11-25T09:00:00'), recorded, null, weekdays, 'recorded')).toEqual({ at: vn('2026-11-25T09:00:00'), late: null })
  })
})

describe('the dates a view may be asked as of', () => {
  it('from 1/1/2000 to the same day a year later; 29/2 gives 1/3', () => {
    expect(latestRequestDate('2026-11-26')).toBe('2027-11-26')
    expect(latestRequestDate('2028-02-29')).toBe('2029-03-01')
    expect(requestDateProblem('Ngày xét (on)', '2027-11-26', '2026-11-26')).toBeNull()
    expect(requestDateProblem('Ngày xét (on)', '2027-11-27', '2026-11-26')).toContain('Ngày xét (on)')
    expect(requestDateProblem('Ngày xét (on)', '1999-12-31', '2026-11-26')).toContain('1/1/2000')
    expect(requestDateProblem('Ngày xét (on)', '2026-02-30', '2026-11-26')).toContain('không phải ngày có thật')
  })
})
