import { formatCount } from '../format/vietnamese-numbers.js'
import type { DossierStatus } from './dossier-status.js'

/**
 * The desk's guards: facts an officer must see before a step, and the one step the rules
 * freeze. A guard that warns can be confirmed (the confirmation is recorded); one that locks
 * asks for a reason.
 */

/** The field a request sends to say "I have seen the warning, go on". */
export const CONFIRM_UNPAID_FEE = 'confirm_unpaid_fee'

/**
 * Returning the result of a dossier whose fee or charge is not recorded as paid: the citizen
 * leaves with the result and the unit with nothing. The officer is warned; a confirmed return
 * (fee waived, paid at another counter) is recorded as such.
 */
export function unpaidFeeWarning(d: { feeVnd: number; paidAt: Date | null }): string | null {
  if (d.feeVnd <= 0 || d.paidAt !== null) return null
  return `Hồ sơ chưa ghi nhận nộp phí, lệ phí (${formatCount(d.feeVnd)} đồng). Xác nhận vẫn trả kết quả?`
}

/**
 * Once the result is returned, what the citizen received is fixed: the scans of the dossier and
 * the electronic result may be changed only with a reason (and the file replaced stays in the
 * dossier's file history).
 */
export function filesLocked(status: DossierStatus | string): boolean {
  return status === 'returned'
}

export const FILES_LOCKED_MESSAGE = 'Hồ sơ đã trả kết quả: thay bản quét hoặc kết quả điện tử phải ghi rõ lý do'
