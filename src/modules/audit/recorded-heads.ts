import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { AuditProblem } from './verify-audit-chain.js'
import type { AuditHead } from './write-audit.js'

/**
 * Heads copied out of motcua — with a report (`x-audit-head`, the report command's message) or
 * written down by hand — must still be in the chain with the same hash: the chain links every
 * earlier row to them, so a rewrite of any earlier row, even with every hash recomputed, shows.
 */
export async function checkRecordedHeads(db: Kysely<Database>, heads: readonly AuditHead[]): Promise<AuditProblem[]> {
  if (heads.length === 0) return []
  const ids = [...new Set(heads.map((h) => h.last_id))]
  const rows = await db.selectFrom('audit_log').select(['id', 'hash']).where('id', 'in', ids).execute()
  const hashOf = new Map(rows.map((r) => [String(r.id), r.hash]))
  return heads
    .filter((h) => hashOf.get(h.last_id) !== h.last_hash)
    .map((h) => ({ id: h.last_id, reason: `dòng ${h.last_id} (mốc ${h.last_hash.slice(0, 16)}… đã ghi lại ngoài motcua) ${hashOf.has(h.last_id) ? 'nay có mã băm khác' : 'không còn trong nhật ký'}: nhật ký đã bị viết lại hoặc cắt bớt` }))
}

/** `ID:HASH`, as the report command prints and the `x-audit-head` header carries; null when it is not one. */
export function parseRecordedHead(text: string): AuditHead | null {
  const match = /^(\d{1,19}):([0-9a-f]{64})$/.exec(text.trim())
  return match ? { last_id: match[1]!, last_hash: match[2]! } : null
}
