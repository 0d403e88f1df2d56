import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkAuditAnchors, type AuditAnchorStore } from './audit-anchors.js'
import { checkRecordedHeads } from './recorded-heads.js'
import { auditHash, type AuditHead } from './write-audit.js'

export interface AuditProblem {
  id: string
  reason: string
}

export interface AuditVerification {
  rows: number
  /** Anchors checked (heads written outside the database); null when none were given to check. */
  anchors: number | null
  ok: boolean
  problems: AuditProblem[]
}

const PAGE = 5000

/**
 * Recomputes every row's hash from its content and checks each row names the previous row's
 * hash, and that the head names the last row. The chain is followed by `prev_hash`, not by id:
 * ids come from a sequence, and a rolled-back transaction or a crash leaves a gap that is not a
 * deletion. A removed row still shows: the next row names a hash no row has any more.
 * With the anchor store, the heads written outside the database must still be in the chain:
 * that catches a chain rewritten consistently by someone holding only the database; so must the
 * heads recorded elsewhere (sent with reports).
 */
export async function verifyAuditChain(db: Kysely<Database>, anchorStore?: AuditAnchorStore, recordedHeads: readonly AuditHead[] = []): Promise<AuditVerification> {
  const problems: AuditProblem[] = []
  let previousHash = 'genesis'
  let previousId = '0'
  let rows = 0
  let after = '0'
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute()
    for (const row of page) {
      rows++
      const rowId = String(row.id)
      if (row.prev_hash !== previousHash) {
        const since = previousId === '0' ? 'đầu nhật ký' : `dòng ${previousId}`
        problems.push({ id: rowId, reason: `chuỗi băm bị đứt trước dòng ${rowId}: dòng nhật ký giữa ${since} và dòng ${rowId} đã bị xóa hoặc bị sửa` })
      }
      const expected = auditHash({
        id: rowId, at: row.at.toISOString(), actor: row.actor, ip: row.ip, action: row.action, entity: row.entity, entityId: row.entity_id,
        summary: row.summary, prevHash: row.prev_hash,
      })
      if (expected !== row.hash) problems.push({ id: rowId, reason: `nội dung dòng ${rowId} đã bị sửa (mã băm không khớp)` })
      previousHash = row.hash
      previousId = rowId
    }
    if (page.length < PAGE) break
    after = String(page.at(-1)!.id)
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  if (String(head.last_id) !== previousId || head.last_hash !== previousHash) {
    problems.push({ id: String(head.last_id), reason: `các dòng cuối nhật ký (đến dòng ${head.last_id}) đã bị xóa hoặc sửa` })
  }
  const anchored = anchorStore ? await checkAuditAnchors(db, anchorStore) : null
  if (anchored) problems.push(...anchored.problems)
  problems.push(...(await checkRecordedHeads(db, recordedHeads)))
  return { rows, anchors: anchored?.anchors ?? null, ok: problems.length === 0, problems }
}
