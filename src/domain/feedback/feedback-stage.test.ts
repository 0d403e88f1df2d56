import { describe, expect, it } from 'vitest'
import { DOSSIER_STATUS_LABELS } from '../dossiers/dossier-status.js'
import { FEEDBACK_STAGE_LABELS, feedbackStageOf } from './feedback-stage.js'

describe('where a feedback item stands', () => {
  const none = { rejected_at: null, published_at: null, handled_at: null, supplement_requested_at: null }
  it('the latest step that moves it decides, and a rejection ends it whatever came before', () => {
    expect(feedbackStageOf(none)).toBe('processing')
    expect(feedbackStageOf({ ...none, supplement_requested_at: '2022-09-06' })).toBe('supplement')
    expect(feedbackStageOf({ ...none, supplement_requested_at: '2022-09-06', handled_at: '2022-09-12' })).toBe('handled')
    expect(feedbackStageOf({ ...none, handled_at: '2022-09-12', published_at: '2022-09-13' })).toBe('published')
    expect(feedbackStageOf({ ...none, supplement_requested_at: '2022-09-06', rejected_at: '2022-09-07' })).toBe('rejected')
  })

  it('says in the dossiers’ words what a dossier also says', () => {
    expect(FEEDBACK_STAGE_LABELS.supplement).toBe(DOSSIER_STATUS_LABELS.supplement)
    expect(FEEDBACK_STAGE_LABELS.processing).toBe(DOSSIER_STATUS_LABELS.processing)
  })
})
