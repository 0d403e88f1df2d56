import { describe, expect, it } from 'vitest'
import { isAppError } from '../shared/app-error.js'
import type { DossierEvent, DossierEventType } from './dossier-event.js'
import { allowedNextEvents } from './transitions.js'
import { replayDossier } from './replay-dossier.js'

const at = (iso: string) => new Date(`${iso}+07:00`)
const step = (type: DossierEventType, when: string, extra: Partial<DossierEvent> = {}): DossierEvent => ({ type, at: at(when), actor: 'mot-cua.an-thanh', ...extra })

describe('a dossier status is what its history says', () => {
  it('a dossier received, handed over, finished and returned is returned, with its times', () => {
    const state = replayDossier([
      step('receive', '2022-09-05T08:15:00'),
      step('hand_over', '2022-09-05T09:00:00'),
      step('finish', '2022-09-06T10:00:00'),
      step('return', '2022-09-07T14:00:00'),
    ])
    expect(state.status).toBe('returned')
    expect(state.finishedAt).toEqual(at('2022-09-06T10:00:00'))
    expect(state.returnedAt).toEqual(at('2022-09-07T14:00:00'))
  })

  it('returning a dossier that has no result is refused with a Vietnamese reason', () => {
    try {
      replayDossier([step('receive', '2022-09-05T08:15:00'), step('return', '2022-09-05T09:00:00')])
      expect.unreachable()
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('invalid_transition')
      expect(isAppError(error) && error.userMessage).toContain('chưa có kết quả')
    }
  })

  it('a supplement request needs a reason and stops the clock until the applicant supplements', () => {
    expect(() => replayDossier([step('receive', '2022-09-05T08:00:00'), step('request_supplement', '2022-09-05T10:00:00')])).toThrow(/reason/)
    const state = replayDossier([
      step('receive', '2022-09-05T08:00:00'),
      step('request_supplement', '2022-09-05T10:00:00', { reason: 'Thiếu bản sao giấy chứng sinh' }),
      step('supplement_received', '2022-09-07T08:00:00'),
    ])
    expect(state.status).toBe('processing')
    expect(state.supplementRequests).toBe(1)
    expect(state.clockStops).toEqual([{ status: 'supplement', from: at('2022-09-05T10:00:00'), to: at('2022-09-07T08:00:00') }])
  })

  it('a dossier asked to supplement twice remembers both requests', () => {
    const state = replayDossier([
      step('receive', '2022-09-05T08:00:00'),
      step('request_supplement', '2022-09-05T10:00:00', { reason: 'Thiếu giấy tờ' }),
      step('supplement_received', '2022-09-06T08:00:00'),
      step('request_supplement', '2022-09-06T10:00:00', { reason: 'Thiếu chữ ký' }),
    ])
    expect(state.supplementRequests).toBe(2)
    expect(state.clockStops.at(-1)?.to).toBeNull()
  })

  it('approval needs a submission for signature first', () => {
    expect(() => replayDossier([step('receive', '2022-09-05T08:00:00'), step('hand_over', '2022-09-05T08:30:00'), step('approve', '2022-09-05T09:00:00')])).toThrow(/submitted/)
    const state = replayDossier([
      step('receive', '2022-09-05T08:00:00'),
      step('submit_for_signature', '2022-09-05T09:00:00'),
      step('approve', '2022-09-05T10:00:00'),
    ])
    expect(state.approved).toBe(true)
    expect(state.status).toBe('processing')
  })

  it('a returned dossier cannot be withdrawn, an open one can with a reason', () => {
    const returned = [step('receive', '2022-09-05T08:00:00'), step('finish', '2022-09-05T09:00:00'), step('return', '2022-09-05T10:00:00')]
    expect(() => replayDossier([...returned, step('withdraw', '2022-09-06T10:00:00', { reason: 'Không cần nữa' })])).toThrow(/cannot withdraw/)
    const withdrawn = replayDossier([step('receive', '2022-09-05T08:00:00'), step('withdraw', '2022-09-06T10:00:00', { reason: 'Không cần nữa' })])
    expect(withdrawn.status).toBe('withdrawn')
    expect(withdrawn.finishedAt).toEqual(at('2022-09-06T10:00:00'))
  })

  it('a history must start with a receipt, and only once', () => {
    expect(() => replayDossier([])).toThrow()
    expect(() => replayDossier([step('finish', '2022-09-05T08:00:00')])).toThrow(/first event/)
    expect(() => replayDossier([step('receive', '2022-09-05T08:00:00'), step('receive', '2022-09-05T09:00:00')])).toThrow(/already received/)
  })

  it('an event dated before the receipt is refused', () => {
    expect(() => replayDossier([step('receive', '2022-09-05T08:00:00'), step('finish', '2022-09-04T08:00:00')])).toThrow(/before the receipt/)
  })

  it('an imported dossier takes the status the other system gives, and a re-import may change it', () => {
    const state = replayDossier([
      step('imported', '2022-09-05T08:00:00', { status: 'processing', actor: 'import:dossiers.csv' }),
      step('status_synced', '2022-09-08T08:00:00', { status: 'finished', actor: 'import:dossiers.csv' }),
    ])
    expect(state.status).toBe('finished')
  })

  it('the desk offers only the steps the rules allow', () => {
    expect(allowedNextEvents('finished')).toEqual(['return', 'withdraw'])
    expect(allowedNextEvents('returned')).toEqual([])
    expect(allowedNextEvents('supplement')).toEqual(['supplement_received', 'reject', 'withdraw'])
  })
})
