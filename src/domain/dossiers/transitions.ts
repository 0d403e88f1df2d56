import { DossierEventType } from './dossier-event.js'
import type { DossierStatus } from './dossier-status.js'

const OPEN: readonly DossierStatus[] = ['received', 'processing', 'supplement', 'paused', 'finished']
const WORKING: readonly DossierStatus[] = ['received', 'processing']

export interface TransitionRule {
  /** Statuses the event is allowed in; `null` = only as the first event. */
  from: readonly DossierStatus[] | null
  /** Status after the event; `keep` = unchanged, `given` = the status the event carries. */
  to: DossierStatus | 'keep' | 'given'
  reasonRequired: boolean
}

/** Which step is allowed in which status: a table, not scattered ifs. */
export const TRANSITIONS: Record<DossierEventType, TransitionRule> = {
  [DossierEventType.receive]: { from: null, to: 'received', reasonRequired: false },
  [DossierEventType.imported]: { from: null, to: 'given', reasonRequired: false },
  [DossierEventType.handOver]: { from: WORKING, to: 'processing', reasonRequired: false },
  [DossierEventType.assign]: { from: ['processing'], to: 'keep', reasonRequired: false },
  [DossierEventType.requestSupplement]: { from: WORKING, to: 'supplement', reasonRequired: true },
  [DossierEventType.supplementReceived]: { from: ['supplement'], to: 'processing', reasonRequired: false },
  [DossierEventType.pause]: { from: WORKING, to: 'paused', reasonRequired: true },
  [DossierEventType.resume]: { from: ['paused'], to: 'processing', reasonRequired: false },
  [DossierEventType.submitForSignature]: { from: WORKING, to: 'processing', reasonRequired: false },
  [DossierEventType.approve]: { from: ['processing'], to: 'keep', reasonRequired: false },
  [DossierEventType.finish]: { from: WORKING, to: 'finished', reasonRequired: false },
  [DossierEventType.return]: { from: ['finished'], to: 'returned', reasonRequired: false },
  [DossierEventType.reject]: { from: ['received', 'processing', 'supplement', 'paused'], to: 'rejected', reasonRequired: true },
  [DossierEventType.withdraw]: { from: OPEN, to: 'withdrawn', reasonRequired: true },
  // Another system is the authority on its own dossiers: a re-import may move them anywhere.
  [DossierEventType.statusSynced]: { from: ['received', 'processing', 'supplement', 'paused', 'finished', 'returned', 'rejected', 'withdrawn'], to: 'given', reasonRequired: false },
}

/** The desk actions an officer may take next, for buttons and queues. */
export function allowedNextEvents(status: DossierStatus): DossierEventType[] {
  return (Object.entries(TRANSITIONS) as [DossierEventType, TransitionRule][])
    .filter(([type, rule]) => rule.from?.includes(status) && type !== DossierEventType.statusSynced)
    .map(([type]) => type)
}
