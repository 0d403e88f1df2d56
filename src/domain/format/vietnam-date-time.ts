import { formatVietnameseDate } from '../time/local-date.js'
import { toVietnamDate } from '../time/vietnam-time.js'

/** An instant as an officer reads it, in Vietnam time whatever the machine's zone: "15/9/2022 08:15". */
export function formatVietnamDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000)
  const hh = String(shifted.getUTCHours()).padStart(2, '0')
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0')
  return `${formatVietnameseDate(toVietnamDate(instant))} ${hh}:${mm}`
}
