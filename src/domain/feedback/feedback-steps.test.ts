import { describe, expect, it } from 'vitest'
import { vietnamDateTime } from '../time/vietnam-time.js'
import { allowedFeedbackSteps, applyFeedbackStep, type FeedbackState } from './feedback-steps.js'

const at = (date: string, time = '09:00') => vietnamDateTime(date, time)
const received: FeedbackState = {
  receivedAt: at('2022-04-29'), rejectedAt: null, supplementRequestedAt: null, handledAt: null, publishedAt: null,
  classification: null, classifiedAt: null, reaction: null,
}

describe('the steps of a feedback item', () => {
  it('is classified (and may be re-classified), handled, made public, and the reaction recorded', () => {
    expect(applyFeedbackStep(received, { type: 'classify', at: at('2022-05-04'), classification: 'rule' })).toEqual({ classification: 'rule', classifiedAt: at('2022-05-04') })
    const handled = { ...received, handledAt: at('2022-05-10') }
    expect(applyFeedbackStep(handled, { type: 'publish', at: at('2022-05-11') })).toEqual({ publishedAt: at('2022-05-11') })
    expect(applyFeedbackStep(handled, { type: 'record_reaction', at: at('2022-05-12'), reaction: 'unsatisfied' })).toEqual({ reaction: 'unsatisfied' })
  })

  it('refuses steps out of order, with a Vietnamese reason', () => {
    expect(() => applyFeedbackStep(received, { type: 'publish', at: at('2022-05-11') })).toThrow(expect.objectContaining({ code: 'invalid_transition', userMessage: 'Chỉ công khai kết quả sau khi đã xử lý xong' }))
    const rejected = { ...received, rejectedAt: at('2022-05-04') }
    expect(() => applyFeedbackStep(rejected, { type: 'handle', at: at('2022-05-05') })).toThrow(expect.objectContaining({ userMessage: 'Phản ánh đã bị từ chối, không thể xử lý' }))
    expect(() => applyFeedbackStep(received, { type: 'handle', at: at('2022-04-28') })).toThrow(expect.objectContaining({ userMessage: 'Thời điểm của bước xử lý không được trước ngày tiếp nhận phản ánh' }))
    expect(() => applyFeedbackStep(received, { type: 'record_reaction', at: at('2022-05-05'), reaction: 'satisfied' })).toThrow(expect.objectContaining({ code: 'invalid_transition' }))
  })
})

describe('the steps offered for a feedback item', () => {
  const base = { receivedAt: new Date('2022-04-29T02:00:00Z'), classification: null, classifiedAt: null, rejectedAt: null, supplementRequestedAt: null, handledAt: null, publishedAt: null, reaction: null }
  const now = new Date('2022-05-10T02:00:00Z')

  it('an open item may be classified, rejected, asked to supplement or handled — not published nor answered yet', () => {
    expect(allowedFeedbackSteps(base, now)).toEqual(['classify', 'reject', 'request_supplement', 'handle'])
  })

  it('a handled item may be classified, published and get the applicant’s reaction', () => {
    expect(allowedFeedbackSteps({ ...base, handledAt: new Date('2022-05-05T02:00:00Z') }, now)).toEqual(['classify', 'publish', 'record_reaction'])
  })
})
