import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { writeAudit } from '../../src/modules/audit/write-audit.js'
import { createTestDatabase } from '../support/test-database.js'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createTestDatabase()
})
afterAll(async () => handle.close())

async function recordCalendarEdit(day: string): Promise<void> {
  await handle.db.transaction().execute((trx) => writeAudit(trx, { actor: 'user:tinh', action: 'calendar.edit', entity: 'calendar', entityId: day }))
}

async function auditIds(): Promise<number[]> {
  return (await handle.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => Number(r.id))
}

describe('the audit chain is followed by hash, not by id', () => {
  it('a request rolled back after writing its audit row leaves an id gap that is no deletion', async () => {
    await recordCalendarEdit('2026-01-01')
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await writeAudit(trx, { actor: 'user:tinh', action: 'calendar.edit', entity: 'calendar', entityId: '2026-01-02' })
        throw new Error('the edit failed after its audit row was written')
      }),
    ).rejects.toThrow(/failed/)
    await recordCalendarEdit('2026-01-03')
    const ids = await auditIds()
    expect(ids.at(-1)! - ids.at(-2)!).toBe(2)
    const result = await verifyAuditChain(handle.db)
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('a row deleted behind the application’s back still breaks the chain, named by the row after it', async () => {
    await recordCalendarEdit('2026-01-04')
    await recordCalendarEdit('2026-01-05')
    const ids = await auditIds()
    const [before, removed, after] = ids.slice(-3)
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(handle.db)
    await sql`delete from audit_log where id = ${removed}`.execute(handle.db)
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(handle.db)
    const result = await verifyAuditChain(handle.db)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      { id: String(after), reason: `chuỗi băm bị đứt trước dòng ${after}: dòng nhật ký giữa dòng ${before} và dòng ${after} đã bị xóa hoặc bị sửa` },
    ])
  })
})
