import { Tag, Tooltip } from 'antd'
import type { z } from 'zod'
import type { LateEntry as LateEntrySchema } from '../../../src/contracts/late-entry.js'
import type { Json } from '../../../src/contracts/json.js'
import { formatDateTime } from './format.js'

export type LateEntry = Json<z.infer<typeof LateEntrySchema>>

/** "Nhập bù": a time entered later than it claims; the tooltip says when, why, and which time the figures use. */
export function LateEntryTag({ entries }: { entries: readonly LateEntry[] }) {
  if (entries.length === 0) return null
  const lines = entries.map((e) => {
    const counts = e.counts_from === 'claimed_at' ? (e.confirmed_by ? `đã xác nhận (${e.confirmed_by})` : 'tính theo thời điểm khai') : 'số liệu tính theo thời điểm nhập cho đến khi được xác nhận'
    return `Khai ${formatDateTime(e.claimed_at)}, nhập ${formatDateTime(e.recorded_at)} (${e.recorded_by}). Lý do: ${e.reason}. ${counts}`
  })
  const waiting = entries.some((e) => e.counts_from === 'recorded_at')
  return (
    <Tooltip title={lines.map((line) => <div key={line}>{line}</div>)}>
      <Tag color={waiting ? 'orange' : 'default'} data-testid="late-entry">Nhập bù</Tag>
    </Tooltip>
  )
}
