import type { Role } from '../accounts/role.js'
import { AppError, ErrorCode } from '../shared/app-error.js'
import { DOSSIER_EVENT_LABELS, DossierEventType } from './dossier-event.js'
import type { DossierState } from './replay-dossier.js'
import { allowedNextEvents } from './transitions.js'
import { stepSideRefusal, type DossierSide } from './dossier-sides.js'

/** Who takes a new step: the actor's label (as in the history), role (null for a system's token) and the dossier's sides they act for. */
export interface StepTaker {
  actor: string
  role: Role | null
  sides: ReadonlySet<DossierSide>
}

/** The roles a step belongs to; a step not listed may be taken by anyone who may change dossiers. */
export const STEP_ROLES: Partial<Record<DossierEventType, readonly Role[]>> = {
  [DossierEventType.approve]: ['leader'],
}

/**
 * A step already taken is not taken again: a dossier is handed over once (then assigned once
 * if it went to a unit), submitted for signature once, approved once. The table of transitions
 * allows a step by status; this adds what the history already holds. Checked on new steps only:
 * histories recorded before stay readable.
 */
export function repeatRefusal(type: DossierEventType, state: DossierState): string | null {
  if (type === DossierEventType.handOver && state.handedOver) return 'hồ sơ đã được chuyển xử lý'
  if (type === DossierEventType.assign && !state.handedOver) return 'hồ sơ chưa được chuyển xử lý'
  if (type === DossierEventType.assign && state.assignee !== null) return 'hồ sơ đã được phân công cho chuyên viên'
  if (type === DossierEventType.submitForSignature && state.awaitingSignature) return 'hồ sơ đã được trình ký'
  if ((type === DossierEventType.submitForSignature || type === DossierEventType.approve) && state.approved) return 'hồ sơ đã được phê duyệt'
  if (type === DossierEventType.approve && !state.awaitingSignature) return 'hồ sơ chưa được trình ký'
  return null
}

/**
 * Why this person may not take this step (a 403), or null: a step of the other side's unit
 * (dossier-sides.ts), of another role; the approver is a leader who did not receive the dossier.
 */
export function roleRefusal(type: DossierEventType, state: DossierState, taker: StepTaker): AppError | null {
  const roles = STEP_ROLES[type]
  const label = DOSSIER_EVENT_LABELS[type]
  const otherSide = stepSideRefusal(type, taker.sides, label)
  if (otherSide) return otherSide
  if (roles && (taker.role === null || !roles.includes(taker.role))) {
    return new AppError(ErrorCode.forbidden, `${taker.actor} (${taker.role ?? 'token'}) may not ${type}`, `Chỉ lãnh đạo được thực hiện "${label}" hồ sơ`)
  }
  if (type === DossierEventType.approve && taker.actor === state.receivedBy) {
    return new AppError(ErrorCode.forbidden, `${taker.actor} received the dossier and may not approve it`, `Người đã tiếp nhận hồ sơ không được tự phê duyệt hồ sơ đó`)
  }
  return null
}

/** The steps the desk offers this person now: allowed by the status, not taken already, theirs to take. */
export function stepsOffered(state: DossierState, taker: StepTaker): DossierEventType[] {
  return allowedNextEvents(state.status).filter((type) => repeatRefusal(type, state) === null && roleRefusal(type, state, taker) === null)
}

/** Refuses a new step the person may not take (403) or that was already taken (409), in Vietnamese. */
export function assertNewStepAllowed(type: DossierEventType, state: DossierState, taker: StepTaker): void {
  const forbidden = roleRefusal(type, state, taker)
  if (forbidden) throw forbidden
  const repeat = repeatRefusal(type, state)
  if (repeat) {
    throw new AppError(ErrorCode.invalidTransition, `cannot ${type} again: ${repeat}`, `Không thể thực hiện "${DOSSIER_EVENT_LABELS[type]}": ${repeat}`)
  }
}
