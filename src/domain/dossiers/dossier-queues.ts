import type { DossierSide } from './dossier-sides.js'

/** The desk's work queues. */
export const DossierQueue = {
  mine: 'mine', // handed to me by name, not yet finished (the specialist's own queue)
  toSign: 'to_sign', // submitted for signature, waiting for a leader's approval
  toHandOver: 'to_hand_over', // just received at the counter, not yet handed to a specialist (the officer's queue)
  toProcess: 'to_process', // received, being processed or paused: in the unit's hands
  supplement: 'supplement', // waiting for the applicant
  dueSoon: 'due_soon', // open, due by the end of the next working day, not yet late
  overdue: 'overdue', // not ended and past the due time (INDICATORS.md overdue_open, now)
  finished: 'finished', // the result is ready, to hand back
  all: 'all',
} as const
export type DossierQueue = (typeof DossierQueue)[keyof typeof DossierQueue]
export const DOSSIER_QUEUES = Object.values(DossierQueue) as readonly DossierQueue[]

/**
 * Whose work each queue is when one unit receives a dossier and another decides it
 * (dossier-sides.ts): the desk hands over and returns, the deciding unit processes and signs;
 * the others list the dossiers of both sides.
 */
export const QUEUE_SIDES: Record<DossierQueue, readonly DossierSide[]> = {
  mine: ['receiver', 'decider'],
  to_sign: ['decider'],
  to_hand_over: ['receiver'],
  to_process: ['decider'],
  supplement: ['receiver', 'decider'],
  due_soon: ['receiver', 'decider'],
  overdue: ['receiver', 'decider'],
  finished: ['receiver'],
  all: ['receiver', 'decider'],
}

/** The queues' names on the desk, the same words on every page. */
export const QUEUE_LABELS: Record<DossierQueue, string> = {
  mine: 'Của tôi',
  to_sign: 'Chờ phê duyệt',
  to_hand_over: 'Mới tiếp nhận, chờ chuyển',
  to_process: 'Đang giải quyết',
  supplement: 'Chờ bổ sung',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  finished: 'Có kết quả, chờ trả',
  all: 'Tất cả',
}
