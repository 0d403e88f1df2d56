import { AppError, ErrorCode } from '../shared/app-error.js'
import { addDays, dayOfWeek, type LocalDate } from '../time/local-date.js'
import { toVietnamDate } from '../time/vietnam-time.js'

/**
 * Where one occurrence of a task stands, replayed from its submissions (never stored): assigned
 * → submitted → accepted, or returned with a reason → resubmitted → accepted or returned again.
 * Which step is allowed in which state is the table below, not scattered ifs.
 */
export const TaskState = {
  assigned: 'assigned',
  submitted: 'submitted',
  returned: 'returned',
  resubmitted: 'resubmitted',
  accepted: 'accepted',
} as const
export type TaskState = (typeof TaskState)[keyof typeof TaskState]

export const TASK_STATE_LABELS: Record<TaskState, string> = {
  assigned: 'Chưa nộp',
  submitted: 'Đã nộp, chờ xem xét',
  returned: 'Bị trả lại',
  resubmitted: 'Nộp lại, chờ xem xét',
  accepted: 'Đã chấp nhận',
}

export type TaskStep = 'submit' | 'accept' | 'return'

export const TASK_TRANSITIONS: Record<TaskState, Partial<Record<TaskStep, TaskState>>> = {
  assigned: { submit: 'submitted' },
  submitted: { accept: 'accepted', return: 'returned' },
  returned: { submit: 'resubmitted' },
  resubmitted: { accept: 'accepted', return: 'returned' },
  accepted: {},
}

/** A submission as stored: when, and the monitor's verdict on it, if any. */
export interface SubmissionFacts {
  submittedAt: Date
  verdict: 'accepted' | 'returned' | null
}

const STEP_REFUSALS: Record<TaskStep, string> = {
  submit: 'Nhiệm vụ đã được chấp nhận hoặc đang chờ xem xét, không nộp thêm được',
  accept: 'Chỉ chấp nhận được báo cáo đã nộp và đang chờ xem xét',
  return: 'Chỉ trả lại được báo cáo đã nộp và đang chờ xem xét',
}

/** The state after a step, or an error saying (in Vietnamese) why the step is not allowed now. */
export function applyTaskStep(state: TaskState, step: TaskStep): TaskState {
  const next = TASK_TRANSITIONS[state][step]
  if (!next) throw new AppError(ErrorCode.conflict, `task step ${step} not allowed in ${state}`, STEP_REFUSALS[step])
  return next
}

export function allowedTaskSteps(state: TaskState): TaskStep[] {
  return Object.keys(TASK_TRANSITIONS[state]) as TaskStep[]
}

/** The state the submissions (oldest first) lead to. */
export function replayTaskState(submissions: readonly SubmissionFacts[]): TaskState {
  let state: TaskState = 'assigned'
  for (const s of submissions) {
    state = applyTaskStep(state, 'submit')
    if (s.verdict === 'accepted') state = applyTaskStep(state, 'accept')
    else if (s.verdict === 'returned') state = applyTaskStep(state, 'return')
  }
  return state
}

/** How an occurrence counts: delivered on time, late, missing (due passed, nothing standing), or not yet due. */
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending'

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Quá hạn, chưa nộp',
  pending: 'Chưa đến hạn',
}

export interface OccurrenceVerdict {
  state: TaskState
  timeliness: Timeliness
  /** The Vietnam date of the submission that counts (accepted or awaiting review). */
  deliveredOn: LocalDate | null
  /** Not delivered and past its due date. */
  overdue: boolean
}

/**
 * Judges an occurrence on `today`: the submission that counts is the accepted one, or the one
 * awaiting review; it is on time when made (Vietnam date) on or before the due date, late after.
 * A returned submission delivers nothing: with none standing after the due date the occurrence is
 * missing, before it pending.
 */
export function judgeOccurrence(dueOn: LocalDate, submissions: readonly SubmissionFacts[], today: LocalDate): OccurrenceVerdict {
  const state = replayTaskState(submissions)
  const standing = state === 'accepted' || state === 'submitted' || state === 'resubmitted' ? submissions[submissions.length - 1] : undefined
  if (standing) {
    const deliveredOn = toVietnamDate(standing.submittedAt)
    return { state, timeliness: deliveredOn <= dueOn ? 'on_time' : 'late', deliveredOn, overdue: false }
  }
  const overdue = today > dueOn
  return { state, timeliness: overdue ? 'missing' : 'pending', deliveredOn: null, overdue }
}

/** Not delivered, due from today to the end of this week (Sunday). */
export function dueThisWeek(verdict: OccurrenceVerdict, dueOn: LocalDate, today: LocalDate): boolean {
  if (verdict.timeliness !== 'pending') return false
  const weekday = dayOfWeek(today) === 0 ? 7 : dayOfWeek(today)
  return dueOn >= today && dueOn <= addDays(today, 7 - weekday)
}
