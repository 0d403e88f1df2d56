import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { auditHash } from './write-audit.js'

export interface AuditProblem {
  id: string
  reason: string
}

export interface AuditVerification {
  rows: number
  ok: boolean
  problems: AuditProblem[]
}

/**
 * Recomputes every row's hash from its content and the previous row's hash, and checks the
 * ids follow each other and the head names the last row: an edited row, a removed row or a
 * truncated tail each break it.
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const problems: AuditProblem[] = []
  let previousHash = 'genesis'
  let previousId = 0n
  let rows = 0
  let after = '0'
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(5000).execute()
    for (const row of page) {
      rows++
      const rowId = String(row.id)
      const id = BigInt(rowId)
      if (id !== previousId + 1n) problems.push({ id: rowId, reason: `thiếu ${id - previousId - 1n} dòng nhật ký trước dòng ${row.id} (đã bị xóa)` })
      if (row.prev_hash !== previousHash) problems.push({ id: rowId, reason: `dòng ${row.id} không nối tiếp dòng trước (chuỗi băm bị đứt)` })
      const expected = auditHash({
        id: String(row.id), at: row.at.toISOString(), actor: row.actor, ip: row.ip, action: row.action, entity: row.entity, entityId: row.entity_id,
        summary: row.summary, prevHash: row.prev_hash,
      })
      if (expected !== row.hash) problems.push({ id: rowId, reason: `nội dung dòng ${row.id} đã bị sửa (mã băm không khớp)` })
      previousHash = row.hash
      previousId = id
    }
    if (page.length < 5000) break
    after = String(page.at(-1)!.id)
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()
  if (BigInt(String(head.last_id)) !== previousId || head.last_hash !== previousHash) {
    problems.push({ id: String(head.last_id), reason: `các dòng cuối nhật ký (đến dòng ${head.last_id}) đã bị xóa hoặc sửa` })
  }
  return { rows, ok: problems.length === 0, problems }
}
