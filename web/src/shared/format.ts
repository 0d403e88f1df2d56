import type { Dayjs } from 'dayjs'
import { formatVietnamDateTime } from '../../../src/domain/format/vietnam-date-time.js'
import { formatCount, formatPercent, NO_VALUE_LABEL } from '../../../src/domain/format/vietnamese-numbers.js'
import { formatVietnameseDate, type LocalDate } from '../../../src/domain/time/local-date.js'

// The server's own formatting: a figure reads the same in the console, the CLI and the letters.
export { formatCount, formatPercent, NO_VALUE_LABEL }

/** "2022-09-15" → "15/9/2022", as the letters write dates (the domain's own formatting). */
export function formatDate(iso: string | Dayjs): string {
  return formatVietnameseDate((typeof iso === 'string' ? iso.slice(0, 10) : iso.format('YYYY-MM-DD')) as LocalDate)
}

/** An instant from the API → "15/9/2022 08:15" in Vietnam time (UTC+7), whatever the browser's zone. */
export function formatDateTime(instant: string | null): string {
  return instant ? formatVietnamDateTime(new Date(instant)) : ''
}

const pointsFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })

/** A change in percentage points: "▲ 20,41 điểm %", "▼ 3,7 điểm %", "không đổi". */
export function formatChange(change: number | null, kind: 'rate' | 'count'): { text: string; direction: 'up' | 'down' | 'flat' | 'none' } {
  if (change === null) return { text: 'kỳ trước không phát sinh', direction: 'none' }
  if (change === 0) return { text: 'không đổi so với kỳ trước', direction: 'flat' }
  const unit = kind === 'rate' ? ' điểm %' : ''
  const arrow = change > 0 ? '▲' : '▼'
  return { text: `${arrow} ${pointsFormat.format(Math.abs(change))}${unit} so với kỳ trước`, direction: change > 0 ? 'up' : 'down' }
}

export function formatPeriod(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`
}
