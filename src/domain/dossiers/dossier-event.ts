import type { DossierStatus } from './dossier-status.js'

/**
 * What can happen to a dossier. Every step at the desk is one of these, appended to the
 * dossier's history and never rewritten; the status is what the history says.
 */
export const DossierEventType = {
  receive: 'receive', // tiếp nhận
  handOver: 'hand_over', // chuyển xử lý (phiếu kiểm soát quá trình)
  /** A dossier handed to a unit is given to one of its specialists (phân công). */
  assign: 'assign', // phân công chuyên viên
  requestSupplement: 'request_supplement', // yêu cầu bổ sung
  supplementReceived: 'supplement_received', // đã bổ sung
  pause: 'pause', // tạm dừng
  resume: 'resume', // tiếp tục xử lý
  submitForSignature: 'submit_for_signature', // trình ký
  approve: 'approve', // phê duyệt, ký
  finish: 'finish', // có kết quả
  return: 'return', // trả kết quả
  reject: 'reject', // từ chối
  withdraw: 'withdraw', // rút hồ sơ
  /** A dossier created by an import from another system, in the status that system gave. */
  imported: 'imported',
  /** A re-import that found the other system's status changed. */
  statusSynced: 'status_synced',
} as const
export type DossierEventType = (typeof DossierEventType)[keyof typeof DossierEventType]
export const DOSSIER_EVENT_TYPES = Object.values(DossierEventType) as readonly DossierEventType[]

export const DOSSIER_EVENT_LABELS: Record<DossierEventType, string> = {
  receive: 'Tiếp nhận hồ sơ',
  hand_over: 'Chuyển xử lý',
  assign: 'Phân công chuyên viên xử lý',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  supplement_received: 'Công dân đã bổ sung hồ sơ',
  pause: 'Tạm dừng xử lý',
  resume: 'Tiếp tục xử lý',
  submit_for_signature: 'Trình ký',
  approve: 'Phê duyệt',
  finish: 'Có kết quả giải quyết',
  return: 'Trả kết quả',
  reject: 'Từ chối giải quyết',
  withdraw: 'Công dân rút hồ sơ',
  imported: 'Nhập từ hệ thống khác',
  status_synced: 'Đồng bộ trạng thái từ hệ thống khác',
}

export interface DossierEvent {
  type: DossierEventType
  at: Date
  /** Who did it: an official's user name, or `import:<file>` for imports. */
  actor: string
  reason?: string | null
  /** For `imported` and `status_synced`: the status the other system reports… */
  status?: DossierStatus | null
  /** …and its times, which may lie before the import itself. */
  finishedAt?: Date | null
  returnedAt?: Date | null
  /** For `hand_over` and `assign`: the specialist's user name, when the step names one… */
  assignee?: string | null
  /** …and the unit's code the dossier goes to. */
  assignedUnit?: string | null
}
