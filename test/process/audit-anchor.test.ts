import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { generateReport } from '../../src/modules/reports/generate-report.js'
import { loadAuditAnchorKey } from '../../src/modules/audit/audit-anchor-key.js'
import { appendAuditAnchor, auditAnchorPath, type AuditAnchorStore } from '../../src/modules/audit/audit-anchors.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { auditHash, canonicalJson, writeAudit } from '../../src/modules/audit/write-audit.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { signIn } from '../support/sign-in.js'
import { runCli } from '../support/run-cli.js'
import { createTestDatabase, useProcessDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
let store: AuditAnchorStore
let dataDir: string

beforeAll(async () => {
  handle = await createTestDatabase()
  dataDir = tempDir()
  store = { path: auditAnchorPath(dataDir, undefined), key: loadAuditAnchorKey(dataDir, undefined) }
})
afterAll(async () => handle.close())

async function recordTargetChange(value: number): Promise<void> {
  await handle.db.transaction().execute((trx) => writeAudit(trx, { actor: 'user:tinh', action: 'target.set', entity: 'target', entityId: 'on_time', summary: { value } }))
}
const head = async () => handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()

/** Someone holding the database (owner rights) switches a guard off, does `work`, switches it back on. */
async function withTriggerOff(table: string, trigger: string, work: () => Promise<unknown>, on: DatabaseHandle = handle): Promise<void> {
  await sql`alter table ${sql.table(table)} disable trigger ${sql.id(trigger)}`.execute(on.db)
  try {
    await work()
  } finally {
    await sql`alter table ${sql.table(table)} enable trigger ${sql.id(trigger)}`.execute(on.db)
  }
}

/** The whole chain rewritten with `user:tinh` renamed and every hash recomputed, the head moved to match. */
async function rewriteWholeChain(on: DatabaseHandle): Promise<void> {
  await withTriggerOff('audit_log', 'audit_log_append_only', async () => {
    await withTriggerOff('audit_head', 'audit_head_guard', async () => {
      const rows = await on.db.selectFrom('audit_log').selectAll().orderBy('id').execute()
      let previous = 'genesis'
      for (const row of rows) {
        const actor = row.actor === 'user:tinh' ? 'user:ke-gian' : row.actor
        const hash = auditHash({ id: String(row.id), at: row.at.toISOString(), actor, ip: row.ip, action: row.action, entity: row.entity, entityId: row.entity_id, summary: row.summary, prevHash: previous })
        await sql`update audit_log set actor = ${actor}, prev_hash = ${previous}, hash = ${hash}, summary = ${canonicalJson(row.summary)}::jsonb where id = ${row.id}`.execute(on.db)
        previous = hash
      }
      await sql`update audit_head set last_hash = ${previous}`.execute(on.db)
    }, on)
  }, on)
}

describe('the audit head is guarded like the log', () => {
  it('advances with each audit row, and refuses to move back, to a hash no row has, or to be deleted, added or truncated', async () => {
    for (const value of [80, 85, 90]) await recordTargetChange(value)
    const current = await head()
    const rows = await handle.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute()
    expect(String(current.last_id)).toBe(String(rows.at(-1)!.id))
    const earlier = rows.at(-2)!
    await expect(sql`update audit_head set last_id = ${earlier.id}, last_hash = ${earlier.hash}`.execute(handle.db)).rejects.toThrow(/advance along the chain/)
    await expect(sql`update audit_head set last_id = last_id + 1, last_hash = ${'f'.repeat(64)}`.execute(handle.db)).rejects.toThrow(/advance along the chain/)
    await expect(sql`delete from audit_head`.execute(handle.db)).rejects.toThrow(/guarded/)
    await expect(sql`insert into audit_head (id, last_id, last_hash) values (2, 0, 'genesis')`.execute(handle.db)).rejects.toThrow(/guarded|check/)
    await expect(sql`truncate audit_head`.execute(handle.db)).rejects.toThrow(/refused/)
    expect(await head()).toEqual(current)
    expect((await verifyAuditChain(handle.db, store)).ok).toBe(true)
  })

  it('an audit row inserted by hand cannot become the head unless it links to the current head', async () => {
    const current = await head()
    const forged = { id: Number(current.last_id) + 1000, hash: 'a'.repeat(64) }
    await sql`insert into audit_log (id, actor, action, entity, prev_hash, hash) overriding system value values (${forged.id}, 'user:ke-gian', 'target.set', 'target', ${'b'.repeat(64)}, ${forged.hash})`.execute(handle.db)
    await expect(sql`update audit_head set last_id = ${forged.id}, last_hash = ${forged.hash}`.execute(handle.db)).rejects.toThrow(/advance along the chain/)
    await withTriggerOff('audit_log', 'audit_log_append_only', () => sql`delete from audit_log where id = ${forged.id}`.execute(handle.db))
  })
})

describe('anchors outside the database catch a consistent rewrite', () => {
  it('the key is made once, readable by its owner only; the head is anchored once until it moves', async () => {
    const keyFile = join(dataDir, 'audit-anchor.key')
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(loadAuditAnchorKey(dataDir, undefined).equals(store.key)).toBe(true)
    const first = await appendAuditAnchor(handle.db, store)
    expect(first).toMatchObject({ last_id: String((await head()).last_id) })
    expect(await appendAuditAnchor(handle.db, store)).toBeNull()
    await recordTargetChange(95)
    expect(await appendAuditAnchor(handle.db, store)).toMatchObject({ last_id: String((await head()).last_id) })
    expect(readFileSync(store.path, 'utf8').trim().split('\n')).toHaveLength(2)
    expect(await verifyAuditChain(handle.db, store)).toMatchObject({ ok: true, anchors: 2, problems: [] })
  })

  it('the whole chain rewritten with every hash recomputed passes the chain check alone, but not the anchors', async () => {
    await rewriteWholeChain(handle)
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true })
    const anchored = await verifyAuditChain(handle.db, store)
    expect(anchored.ok).toBe(false)
    expect(anchored.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/^nhật ký đã bị viết lại hoặc cắt bớt sau khi được neo ra ngoài cơ sở dữ liệu: dòng \d+ đã neo lúc .* nay có mã băm khác \(và 1 mốc neo khác\)$/)])
  })

  it('an anchor line edited, or checked with another key, is reported', async () => {
    const lines = readFileSync(store.path, 'utf8').trim().split('\n')
    const edited = JSON.parse(lines[0]!) as { last_hash: string }
    const tampered = { path: join(dataDir, 'tampered.jsonl'), key: store.key }
    writeFileSync(tampered.path, `${JSON.stringify({ ...edited, last_hash: '0'.repeat(64) })}\n`)
    expect((await verifyAuditChain(handle.db, tampered)).problems.map((p) => p.reason)).toContain(`dòng 1 của tệp mốc neo ${tampered.path} không hợp lệ (bị sửa, hoặc khóa đã đổi)`)
    const otherKey = { path: store.path, key: Buffer.from('k'.repeat(64)) }
    expect((await verifyAuditChain(handle.db, otherKey)).problems.filter((p) => p.reason.includes('không hợp lệ'))).toHaveLength(2)
  })
})

describe('a tail cut below an anchor', () => {
  it('is caught even when the head is put back by someone who switched its guard off', async () => {
    const fresh = await createTestDatabase()
    const dir = tempDir()
    const anchors = { path: auditAnchorPath(dir, undefined), key: loadAuditAnchorKey(dir, 'x'.repeat(40)) }
    try {
      for (const value of [1, 2, 3]) await fresh.db.transaction().execute((trx) => writeAudit(trx, { actor: 'user:tinh', action: 'target.set', entity: 'target', summary: { value } }))
      await appendAuditAnchor(fresh.db, anchors)
      const rows = await fresh.db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id').execute()
      const kept = rows.at(-2)!
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(fresh.db)
      await sql`alter table audit_head disable trigger audit_head_guard`.execute(fresh.db)
      await sql`delete from audit_log where id = ${rows.at(-1)!.id}`.execute(fresh.db)
      await sql`update audit_head set last_id = ${kept.id}, last_hash = ${kept.hash}`.execute(fresh.db)
      expect((await verifyAuditChain(fresh.db)).ok).toBe(true)
      const result = await verifyAuditChain(fresh.db, anchors)
      expect(result.ok).toBe(false)
      expect(result.problems[0]!.reason).toMatch(new RegExp(`dòng ${rows.at(-1)!.id} đã neo lúc .* không còn trong nhật ký`))
    } finally {
      await fresh.close()
    }
  })
})

describe('the command line anchors what it changed', () => {
  const processDatabase = useProcessDatabase()

  it('after an import the head is in the anchor file of the data folder, and audit verify checks it', async () => {
    const dir = tempDir()
    const data = join(dir, 'data')
    const imported = await runCli(['import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV), '--data', data], processDatabase.env())
    expect(imported.code).toBe(0)
    expect(readdirSync(data).filter((name) => name.startsWith('audit-anchors'))).toHaveLength(1)
    const verified = await runCli(['audit', 'verify', '--data', data], processDatabase.env())
    expect(verified.code).toBe(0)
    expect(verified.stderr).toMatch(/chuỗi băm liền mạch, khớp 1 mốc neo ngoài cơ sở dữ liệu/)
  }, 120_000)
})

describe('a copy of the head leaves with every report', () => {
  it('the report carries its own audit row as the head (x-audit-head over HTTP); a consistent rewrite before it is caught by that copy', async () => {
    const server = await startApiServer()
    const fresh = server.handle
    try {
      await loadSmallDistrict(fresh, ['AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,1,0,,0,,0,'])
      await fresh.db.transaction().execute((trx) => writeAudit(trx, { actor: 'user:tinh', action: 'target.set', entity: 'target', summary: { value: 90 } }))
      const report = await generateReport(fresh.db, { kind: 'appendix', unitCode: 'H23.07', from: '2022-09-05', to: '2022-09-09' }, { actor: 'user:tinh' })
      const row = await fresh.db.selectFrom('audit_log').select(['id', 'action', 'hash']).where('id', '=', report.auditHead.last_id).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ action: 'export.report', hash: report.auditHead.last_hash })
      const admin = await signIn(server.app, fresh, 'system_admin', 'H23')
      const response = await admin.inject('/api/v1/reports/appendix?unit=H23.07&from=2022-09-05&to=2022-09-09')
      expect(response.statusCode).toBe(200)
      const head = await fresh.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow()
      expect(response.headers['x-audit-head']).toBe(`${head.last_id}:${head.last_hash}`)
      expect(await verifyAuditChain(fresh.db, undefined, [report.auditHead])).toMatchObject({ ok: true, problems: [] })
      await rewriteWholeChain(fresh)
      const result = await verifyAuditChain(fresh.db, undefined, [report.auditHead])
      expect(result.problems).toEqual([
        { id: report.auditHead.last_id, reason: `dòng ${report.auditHead.last_id} (mốc ${report.auditHead.last_hash.slice(0, 16)}… đã ghi lại ngoài motcua) nay có mã băm khác: nhật ký đã bị viết lại hoặc cắt bớt` },
      ])
    } finally {
      await stopApiServer(server)
    }
  })
})
