import { describe, expect, it } from 'vitest'
import { isAppError } from '../shared/app-error.js'
import type { DossierEvent, DossierEventType } from './dossier-event.js'
import { progressLabel, workStageOf } from './dossier-stage.js'
import { replayDossier } from './replay-dossier.js'
import { assertNewStepAllowed, stepsOffered, type StepTaker } from './step-rules.js'

const at = (iso: string) => new Date(`${iso}+07:00`)
const OFFICER = 'user:anthanh.motcua'
/** An Thanh both receives and decides these dossiers: its accounts act for both sides. */
const BOTH_SIDES = new Set(['receiver', 'decider'] as const)
const LEADER = { actor: 'user:anthanh.lanhdao', role: 'leader' as const, sides: BOTH_SIDES }
const SPECIALIST = { actor: 'user:anthanh.chuyenvien', role: 'specialist' as const, sides: BOTH_SIDES }
const step = (type: DossierEventType, when: string, extra: Partial<DossierEvent> = {}): DossierEvent => ({ type, at: at(when), actor: OFFICER, ...extra })

const received = [step('receive', '2022-09-05T08:00:00')]
const handedToSpecialist = [...received, step('hand_over', '2022-09-05T09:00:00', { assignee: 'anthanh.chuyenvien', assignedUnit: 'H23.07.01' })]
const submitted = [...handedToSpecialist, step('submit_for_signature', '2022-09-06T09:00:00', { actor: SPECIALIST.actor })]
const approved = [...submitted, step('approve', '2022-09-06T10:00:00', { actor: LEADER.actor })]

function refusal(history: DossierEvent[], type: DossierEventType, taker: StepTaker) {
  try {
    assertNewStepAllowed(type, replayDossier(history), taker)
    return null
  } catch (error) {
    if (!isAppError(error)) throw error
    return { code: error.code, message: error.userMessage }
  }
}

describe('work goes to a person', () => {
  it('a hand-over names the specialist and the unit; the dossier is theirs', () => {
    const state = replayDossier(handedToSpecialist)
    expect(state).toMatchObject({ status: 'processing', handedOver: true, assignee: 'anthanh.chuyenvien', assignedUnit: 'H23.07.01', receivedBy: OFFICER })
  })

  it('a dossier handed to a unit is then assigned to a person of it, once', () => {
    const toUnit = [...received, step('hand_over', '2022-09-05T09:00:00', { assignedUnit: 'H23.07.01' })]
    expect(replayDossier(toUnit)).toMatchObject({ assignee: null, assignedUnit: 'H23.07.01' })
    expect(stepsOffered(replayDossier(toUnit), SPECIALIST)).toContain('assign')
    const assigned = [...toUnit, step('assign', '2022-09-05T10:00:00', { assignee: 'anthanh.chuyenvien' })]
    expect(replayDossier(assigned)).toMatchObject({ assignee: 'anthanh.chuyenvien', assignedUnit: 'H23.07.01' })
    expect(refusal(assigned, 'assign', SPECIALIST)).toEqual({ code: 'invalid_transition', message: 'Không thể thực hiện "Phân công chuyên viên xử lý": hồ sơ đã được phân công cho chuyên viên' })
    expect(refusal(received, 'assign', SPECIALIST)?.code).toBe('invalid_transition')
  })

  it('a step already taken is refused and not offered again: hand-over, submission, approval', () => {
    expect(refusal(handedToSpecialist, 'hand_over', { actor: OFFICER, role: 'officer', sides: BOTH_SIDES })).toEqual({ code: 'invalid_transition', message: 'Không thể thực hiện "Chuyển xử lý": hồ sơ đã được chuyển xử lý' })
    expect(stepsOffered(replayDossier(handedToSpecialist), { actor: OFFICER, role: 'officer', sides: BOTH_SIDES })).not.toContain('hand_over')
    expect(refusal(submitted, 'submit_for_signature', SPECIALIST)?.message).toContain('hồ sơ đã được trình ký')
    expect(refusal(approved, 'approve', { actor: 'user:other.lanhdao', role: 'leader', sides: BOTH_SIDES })?.message).toContain('hồ sơ đã được phê duyệt')
    expect(refusal(approved, 'submit_for_signature', SPECIALIST)?.message).toContain('hồ sơ đã được phê duyệt')
    const offered = stepsOffered(replayDossier(approved), SPECIALIST)
    expect(offered).toContain('finish')
    expect(offered).not.toContain('submit_for_signature')
    expect(offered).not.toContain('approve')
  })

  it('approval belongs to a leader, and not to the one who received the dossier', () => {
    expect(refusal(submitted, 'approve', SPECIALIST)).toEqual({ code: 'forbidden', message: 'Chỉ lãnh đạo được thực hiện "Phê duyệt" hồ sơ' })
    expect(refusal(submitted, 'approve', { actor: OFFICER, role: 'officer', sides: BOTH_SIDES })?.code).toBe('forbidden')
    expect(refusal(submitted, 'approve', { actor: 'token:x', role: null, sides: BOTH_SIDES })?.code).toBe('forbidden')
    const receivedByLeader = [step('receive', '2022-09-05T08:00:00', { actor: LEADER.actor }), ...submitted.slice(1)]
    expect(refusal(receivedByLeader, 'approve', LEADER)).toEqual({ code: 'forbidden', message: 'Người đã tiếp nhận hồ sơ không được tự phê duyệt hồ sơ đó' })
    expect(refusal(submitted, 'approve', LEADER)).toBeNull()
    expect(stepsOffered(replayDossier(submitted), LEADER)).toContain('approve')
    expect(stepsOffered(replayDossier(submitted), SPECIALIST)).not.toContain('approve')
  })

  it('the status says where the dossier is: in processing, submitted for signature, approved', () => {
    const label = (history: DossierEvent[]) => {
      const state = replayDossier(history)
      return progressLabel(state.status, workStageOf(state))
    }
    expect(label(received)).toBe('Đã tiếp nhận')
    expect(label(handedToSpecialist)).toBe('Đang xử lý')
    expect(label(submitted)).toBe('Trình ký')
    expect(label(approved)).toBe('Đã phê duyệt')
    expect(label([...approved, step('finish', '2022-09-06T11:00:00')])).toBe('Đã xử lý xong')
  })
})

describe('a dossier received by one unit and decided by another (Decree 118/2025)', () => {
  const RECEIVER = new Set(['receiver'] as const)
  const DECIDER = new Set(['decider'] as const)
  const receivingOfficer = { actor: OFFICER, role: 'officer' as const, sides: RECEIVER }
  const decidingSpecialist = { actor: 'user:sotuphap.chuyenvien', role: 'specialist' as const, sides: DECIDER }
  const decidingLeader = { actor: 'user:sotuphap.lanhdao', role: 'leader' as const, sides: DECIDER }

  it('the receiving desk hands over and returns; it does not finish, reject or ask for papers on the decider’s behalf', () => {
    expect(stepsOffered(replayDossier(received), receivingOfficer)).toEqual(expect.arrayContaining(['hand_over', 'withdraw']))
    for (const type of ['finish', 'reject', 'request_supplement', 'pause', 'submit_for_signature'] as const) {
      expect(stepsOffered(replayDossier(received), receivingOfficer)).not.toContain(type)
      expect(refusal(received, type, receivingOfficer)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('do đơn vị giải quyết của hồ sơ thực hiện') })
    }
  })

  it('the deciding unit processes, approves and finishes; the return to the applicant is the desk’s', () => {
    expect(stepsOffered(replayDossier(handedToSpecialist), decidingSpecialist)).toEqual(expect.arrayContaining(['finish', 'request_supplement', 'submit_for_signature']))
    expect(stepsOffered(replayDossier(handedToSpecialist), decidingSpecialist)).not.toContain('hand_over')
    expect(stepsOffered(replayDossier(submitted), decidingLeader)).toContain('approve')
    const finished = [...approved, step('finish', '2022-09-06T11:00:00', { actor: decidingSpecialist.actor })]
    expect(stepsOffered(replayDossier(finished), decidingSpecialist)).not.toContain('return')
    expect(refusal(finished, 'return', decidingSpecialist)).toMatchObject({ code: 'forbidden', message: expect.stringContaining('do đơn vị tiếp nhận của hồ sơ thực hiện') })
    expect(stepsOffered(replayDossier(finished), receivingOfficer)).toContain('return')
  })

  it('an account of neither side takes no step', () => {
    const outsider = { actor: 'user:xa-khac', role: 'leader' as const, sides: new Set<never>() }
    expect(stepsOffered(replayDossier(submitted), outsider)).toEqual([])
  })
})
