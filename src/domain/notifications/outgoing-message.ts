/**
 * A message motcua sends to a person (officer, leader, citizen): by e-mail or SMS, about a topic
 * (`task.reminder`, `dossier.step`, …). `dedupeKey` names the one event it tells of, so telling
 * it twice (a retried request, a reminder run twice a day) sends it once.
 */
export type MessageChannel = 'email' | 'sms'

export interface OutgoingMessage {
  channel: MessageChannel
  recipient: string
  subject?: string
  body: string
  topic: string
  unitId?: number | null
  dedupeKey?: string | null
}

/** Delivery stops after this many failed attempts: the message is marked failed for a person to see. */
export const MAX_DELIVERY_ATTEMPTS = 8

/**
 * Seconds to wait after the n-th failed attempt (n ≥ 1): 1, 2, 4, 8 … minutes, at most six hours,
 * so a mail server down for an afternoon is retried without a storm when it comes back.
 */
export function retryDelaySeconds(failedAttempts: number): number {
  const minutes = 2 ** Math.max(0, failedAttempts - 1)
  return Math.min(minutes * 60, 6 * 3600)
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/
// Vietnamese mobile numbers: 0 + 9 digits, or +84 + 9 digits.
const PHONE = /^(?:0|\+84)\d{9}$/

/** Why a recipient cannot receive on a channel, in Vietnamese; null when it can. */
export function recipientProblem(channel: MessageChannel, recipient: string): string | null {
  const value = recipient.trim()
  if (channel === 'email') return EMAIL.test(value) && value.length <= 320 ? null : `địa chỉ thư điện tử không hợp lệ: "${recipient}"`
  return PHONE.test(value.replace(/[\s.-]/g, '')) ? null : `số điện thoại không hợp lệ: "${recipient}" (cần 10 chữ số, bắt đầu bằng 0 hoặc +84)`
}

/** The number as stored and dialled: spaces, dots and dashes removed. */
export function normaliseRecipient(channel: MessageChannel, recipient: string): string {
  const value = recipient.trim()
  return channel === 'sms' ? value.replace(/[\s.-]/g, '') : value.toLowerCase()
}
