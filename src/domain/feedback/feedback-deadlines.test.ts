import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { vietnamDateTime } from '../time/vietnam-time.js'
import { FEEDBACK_DEADLINE_DAYS, feedbackEndedAt, judgeFeedback } from './feedback-deadlines.js'
import type { FeedbackSteps } from './feedback.js'

const calendar = new WorkingCalendar()
const at = (date: string, time = '09:00') => vietnamDateTime(date, time)
/** 24:00 on the given day: the end of a period whose last day it is. */
const endOf = (date: string) => new Date(vietnamDateTime(date, '00:00').getTime() + 86_400_000)

/*
 * A feedback received on Friday 29/4/2022. Saturday 30/4 and Sunday 1/5 are off, Monday 2/5 and
 * Tuesday 3/5 are the holidays moved from the weekend: its working days are Wednesday 4/5 (1),
 * Thursday 5/5 (2), Friday 6/5 (3), 9/5 (4), Tuesday 10/5 (5) … Tuesday 24/5 (15).
 */
const friday: FeedbackSteps = { receivedAt: at('2022-04-29', '10:00'), rejectedAt: null, supplementRequestedAt: null, handledAt: null, publishedAt: null }
const endOfJune = endOf('2022-06-30')

describe('5.2: the deadlines of a feedback item, in working days', () => {
  it('the rules are those of INDICATORS.md: reject ≤ 2, supplement ≤ 5, handle ≤ 15, publish ≤ 2', () => {
    expect(FEEDBACK_DEADLINE_DAYS).toEqual({ reject: 2, requestSupplement: 5, handle: 15, publish: 2 })
  })

  it('a feedback received on Friday 29/4/2022 and rejected on Thursday 5/5 is on time; on Friday 6/5 it is late', () => {
    const onTime = judgeFeedback(calendar, { ...friday, rejectedAt: at('2022-05-05', '16:30') }, endOfJune)
    expect(onTime).toMatchObject({ onTime: true, reason: 'rejected_on_time', endedAt: at('2022-05-05', '16:30') })
    expect(onTime.explanation).toBe('từ chối ngày 5/5/2022, hạn 5/5/2022 (2 ngày làm việc) → đúng hạn')
    expect(judgeFeedback(calendar, { ...friday, rejectedAt: at('2022-05-06') }, endOfJune)).toMatchObject({ onTime: false, reason: 'rejected_late' })
  })

  it('asked to supplement by Tuesday 10/5 is on time; on Wednesday 11/5 the item is late whatever follows', () => {
    const handled = { handledAt: at('2022-05-12'), publishedAt: at('2022-05-13') }
    expect(judgeFeedback(calendar, { ...friday, supplementRequestedAt: at('2022-05-10', '16:00'), ...handled }, endOfJune)).toMatchObject({ onTime: true, reason: 'published_on_time' })
    expect(judgeFeedback(calendar, { ...friday, supplementRequestedAt: at('2022-05-11'), ...handled }, endOfJune)).toMatchObject({ onTime: false, reason: 'supplement_request_late' })
  })

  it('handled by Tuesday 24/5 (the 15th working day) is on time, on Wednesday 25/5 late', () => {
    expect(judgeFeedback(calendar, { ...friday, handledAt: at('2022-05-24', '16:00'), publishedAt: at('2022-05-25') }, endOfJune)).toMatchObject({ onTime: true })
    expect(judgeFeedback(calendar, { ...friday, handledAt: at('2022-05-25'), publishedAt: at('2022-05-25') }, endOfJune)).toMatchObject({ onTime: false, reason: 'handled_late' })
  })

  it('the result is made public within 2 working days of the handling: Tuesday 24/5 → Thursday 26/5', () => {
    const handledTuesday = { ...friday, handledAt: at('2022-05-24', '10:00') }
    expect(judgeFeedback(calendar, { ...handledTuesday, publishedAt: at('2022-05-26', '16:59') }, endOfJune)).toMatchObject({ onTime: true, reason: 'published_on_time' })
    const late = judgeFeedback(calendar, { ...handledTuesday, publishedAt: at('2022-05-27') }, endOfJune)
    expect(late).toMatchObject({ onTime: false, reason: 'published_late' })
    expect(late.explanation).toBe('công khai kết quả ngày 27/5/2022, hạn 26/5/2022 (2 ngày làm việc sau khi xử lý xong) → trễ hạn')
    // Handled after 17:00 counts from the next working day: Friday 27/5 is then in time.
    expect(judgeFeedback(calendar, { ...friday, handledAt: at('2022-05-24', '17:30'), publishedAt: at('2022-05-27') }, endOfJune)).toMatchObject({ onTime: true })
  })

  it("an item still open is judged at the period's end: within time on 24/5, overdue at the end of May", () => {
    expect(judgeFeedback(calendar, friday, endOf('2022-05-24'))).toMatchObject({ onTime: true, reason: 'open_within_time', endedAt: null })
    const overdue = judgeFeedback(calendar, friday, endOf('2022-05-31'))
    expect(overdue).toMatchObject({ onTime: false, reason: 'open_overdue' })
    expect(overdue.explanation).toBe('chưa xử lý xong khi hết kỳ (31/5/2022), hạn xử lý 24/5/2022 → quá hạn')
  })

  it("a step after the period's end is not known then: handled in June, the item is open at the end of May", () => {
    const steps = { ...friday, handledAt: at('2022-06-01'), publishedAt: at('2022-06-02') }
    expect(judgeFeedback(calendar, steps, endOf('2022-05-31'))).toMatchObject({ onTime: false, reason: 'open_overdue', endedAt: null })
    expect(judgeFeedback(calendar, steps, endOfJune)).toMatchObject({ onTime: false, reason: 'handled_late' })
  })

  it('handled in time but not yet made public is open: within time until the publication deadline passes', () => {
    const steps = { ...friday, handledAt: at('2022-05-24', '10:00') }
    expect(judgeFeedback(calendar, steps, endOf('2022-05-26'))).toMatchObject({ onTime: true, reason: 'open_within_time' })
    expect(judgeFeedback(calendar, steps, endOf('2022-05-27'))).toMatchObject({ onTime: false, reason: 'open_overdue' })
  })

  it('received on a Saturday, it counts from the next working day: 30/4/2022 → rejected by Friday 6/5 is on time', () => {
    const saturday = { ...friday, receivedAt: at('2022-04-30', '09:00') }
    expect(judgeFeedback(calendar, { ...saturday, rejectedAt: at('2022-05-06') }, endOfJune)).toMatchObject({ onTime: true })
  })

  it('an item is over when rejected, or when its result is made public', () => {
    expect(feedbackEndedAt({ rejectedAt: at('2022-05-05'), handledAt: null, publishedAt: null })).toEqual(at('2022-05-05'))
    expect(feedbackEndedAt({ rejectedAt: null, handledAt: at('2022-05-05'), publishedAt: null })).toBeNull()
    expect(feedbackEndedAt({ rejectedAt: null, handledAt: at('2022-05-05'), publishedAt: at('2022-05-06') })).toEqual(at('2022-05-06'))
  })
})
