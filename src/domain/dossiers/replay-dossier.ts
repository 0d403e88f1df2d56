import { AppError, ErrorCode } from '../shared/app-error.js'
import { CLOCK_STOPPED_STATUSES, DOSSIER_STATUS_LABELS, type DossierStatus } from './dossier-status.js'
import { DOSSIER_EVENT_LABELS, DossierEventType, type DossierEvent } from './dossier-event.js'
import { TRANSITIONS } from './transitions.js'

export interface ClockStop {
  status: DossierStatus
  from: Date
  to: Date | null
}

/** What a dossier's history says about it now. */
export interface DossierState {
  status: DossierStatus
  receivedAt: Date
  finishedAt: Date | null
  returnedAt: Date | null
  /** Time in `supplement` or `paused`: it does not count against the deadline. */
  clockStops: ClockStop[]
  supplementRequests: number
  awaitingSignature: boolean
  approved: boolean
  eventCount: number
  /** Who received it (the first event's actor): they may not approve it. */
  receivedBy: string
  handedOver: boolean
  /** Whose work it is now (a user name) and the unit it was handed to; null until named. */
  assignee: string | null
  assignedUnit: string | null
}

function transitionError(event: DossierEvent, state: DossierState | null, why: string, userWhy: string): AppError {
  const label = DOSSIER_EVENT_LABELS[event.type]
  const statusLabel = state ? DOSSIER_STATUS_LABELS[state.status] : 'chưa tiếp nhận'
  return new AppError(
    ErrorCode.invalidTransition,
    `cannot ${event.type} a dossier ${state ? `in status ${state.status}` : 'with no history'}: ${why}`,
    `Không thể thực hiện "${label}" với hồ sơ đang ở trạng thái "${statusLabel}": ${userWhy}`,
  )
}

function targetStatus(event: DossierEvent, current: DossierStatus | null): DossierStatus {
  const rule = TRANSITIONS[event.type]
  if (rule.to === 'keep') return current ?? 'received'
  if (rule.to === 'given') {
    if (!event.status) throw new AppError(ErrorCode.validation, `${event.type} needs a status`, 'Thiếu trạng thái hồ sơ')
    return event.status
  }
  return rule.to
}

/** Apply one event to the state; refuses a step the rules do not allow. Pure. */
export function applyDossierEvent(state: DossierState | null, event: DossierEvent): DossierState {
  const rule = TRANSITIONS[event.type]
  if (rule.reasonRequired && !event.reason?.trim()) {
    throw transitionError(event, state, 'a reason is required', 'cần ghi rõ lý do')
  }
  if (state === null) {
    if (rule.from !== null) throw transitionError(event, null, 'the first event must be receive or imported', 'hồ sơ chưa được tiếp nhận')
    const status = targetStatus(event, null)
    return {
      status,
      receivedAt: event.at,
      finishedAt: event.finishedAt ?? null,
      returnedAt: event.returnedAt ?? null,
      clockStops: CLOCK_STOPPED_STATUSES.includes(status) ? [{ status, from: event.at, to: null }] : [],
      supplementRequests: status === 'supplement' ? 1 : 0,
      awaitingSignature: false,
      approved: false,
      eventCount: 1,
      receivedBy: event.actor,
      handedOver: false,
      assignee: null,
      assignedUnit: null,
    }
  }
  if (rule.from === null) throw transitionError(event, state, 'the dossier is already received', 'hồ sơ đã được tiếp nhận')
  if (!rule.from.includes(state.status)) {
    throw transitionError(event, state, `allowed only in ${rule.from.join(', ')}`, userReason(event.type, state))
  }
  if (event.type === DossierEventType.approve && !state.awaitingSignature) {
    throw transitionError(event, state, 'nothing was submitted for signature', 'hồ sơ chưa được trình ký')
  }
  if (event.at < state.receivedAt) {
    throw transitionError(event, state, 'the event is dated before the receipt', 'thời điểm thực hiện trước thời điểm tiếp nhận')
  }

  const status = targetStatus(event, state.status)
  const clockStops = state.clockStops.map((stop) => (stop.to === null && !CLOCK_STOPPED_STATUSES.includes(status) ? { ...stop, to: event.at } : stop))
  if (CLOCK_STOPPED_STATUSES.includes(status) && status !== state.status) {
    for (const stop of clockStops) if (stop.to === null) stop.to = event.at
    clockStops.push({ status, from: event.at, to: null })
  }
  // finished_at is when the result was ready, or when the dossier was refused or withdrawn.
  const ended = status === 'finished' || status === 'rejected' || status === 'withdrawn'
  return {
    status,
    receivedAt: state.receivedAt,
    finishedAt: ended || status === 'returned' ? event.finishedAt ?? state.finishedAt ?? event.at : null,
    returnedAt: status === 'returned' ? event.returnedAt ?? state.returnedAt ?? event.at : null,
    clockStops,
    supplementRequests: state.supplementRequests + (status === 'supplement' && state.status !== 'supplement' ? 1 : 0),
    awaitingSignature: event.type === DossierEventType.submitForSignature ? true : event.type === DossierEventType.approve ? false : state.awaitingSignature,
    approved: event.type === DossierEventType.approve || (state.approved && event.type !== DossierEventType.submitForSignature),
    eventCount: state.eventCount + 1,
    receivedBy: state.receivedBy,
    ...assignmentAfter(state, event),
  }
}

/** A hand-over names the unit and maybe the person; an assignment names the person. */
function assignmentAfter(state: DossierState, event: DossierEvent): Pick<DossierState, 'handedOver' | 'assignee' | 'assignedUnit'> {
  if (event.type === DossierEventType.handOver) return { handedOver: true, assignee: event.assignee ?? null, assignedUnit: event.assignedUnit ?? null }
  if (event.type === DossierEventType.assign) return { handedOver: true, assignee: event.assignee ?? null, assignedUnit: event.assignedUnit ?? state.assignedUnit }
  return { handedOver: state.handedOver, assignee: state.assignee, assignedUnit: state.assignedUnit }
}

function userReason(type: DossierEventType, state: DossierState): string {
  if (type === DossierEventType.return) return 'hồ sơ chưa có kết quả giải quyết'
  if (type === DossierEventType.supplementReceived) return 'hồ sơ không ở trạng thái chờ bổ sung'
  if (type === DossierEventType.resume) return 'hồ sơ không bị tạm dừng'
  if (state.status === 'returned' || state.status === 'rejected' || state.status === 'withdrawn') return 'hồ sơ đã kết thúc'
  return 'thao tác không phù hợp với trạng thái hiện tại'
}

/** The current state of a dossier, computed from its whole history. Pure. */
export function replayDossier(events: readonly DossierEvent[]): DossierState {
  let state: DossierState | null = null
  for (const event of events) state = applyDossierEvent(state, event)
  if (state === null) throw new AppError(ErrorCode.validation, 'a dossier needs at least one event', 'Hồ sơ chưa có lịch sử xử lý')
  return state
}
