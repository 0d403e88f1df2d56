import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync, gunzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { readBackup } from '../../src/modules/backup/backup-format.js'
import { restoreBackup } from '../../src/modules/backup/restore-backup.js'
import { writeBackup } from '../../src/modules/backup/write-backup.js'
import { attachProcedureForm } from '../../src/modules/procedures/forms/attach-procedure-form.js'
import { FileStore } from '../../src/modules/desk/file-store.js'
import { importFeedback } from '../../src/modules/feedback/import-feedback.js'
import { indexInputs } from '../../src/modules/index766/compute-index.js'
import { getIndicators } from '../../src/modules/indicators/get-indicators.js'
import { rejection } from '../support/rejection.js'
import { startCli, runCli, waitForStderr } from '../support/run-cli.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { DOSSIER_HEADER, PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { createServerTestDatabase, createTestDatabase, useProcessDatabase } from '../support/test-database.js'

const DOSSIERS = [
  'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,2022-09-05T17:00:00+07:00,2022-09-05T10:00:00+07:00,,finished,1,1,true,0,false,0,satisfied',
  'AT-2,H23.07.01,2.000815,direct,2022-09-06T08:00:00+07:00,2022-09-06T17:00:00+07:00,2022-09-08T10:00:00+07:00,,finished,2,1,false,2000,false,1,dissatisfied',
  'QT-1,H23.07.02,1.001193,online,2022-09-06T08:00:00+07:00,2022-09-12T17:00:00+07:00,,,processing,1,0,,0,,0,',
  'HU-1,H23.07,1.001612,direct,2022-09-07T08:00:00+07:00,2022-09-12T17:00:00+07:00,2022-09-09T10:00:00+07:00,,finished,1,1,true,100000,true,0,',
]

/** Everything the round trip must keep: every table's rows (not the Decision 766 partial results: a cache asking writes), the audit verdict, the figures. */
async function stateOf(handle: DatabaseHandle) {
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%' and tablename not in ('data_version', 'access_version') and tablename not like 'index766_%' order by tablename`.execute(handle.db)).rows
  const rows: Record<string, unknown[]> = {}
  for (const { name } of tables) {
    rows[name] = (await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by 1, 2`.execute(handle.db)).rows
  }
  const district = await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07').executeTakeFirstOrThrow()
  return {
    rows,
    audit: await verifyAuditChain(handle.db),
    indicators: await getIndicators(handle.db, { unitCode: 'H23.07', from: '2022-09-01', to: '2022-09-30', children: true }),
    index: await indexInputs(handle.db, district.id, '2022-09-01', '2022-09-30'),
  }
}

describe('backup and restore in the same process', () => {
  let source: DatabaseHandle
  let target: DatabaseHandle
  const dir = tempDir()
  const sourceFiles = join(dir, 'files')
  let scan: string
  let form: string

  beforeAll(async () => {
    source = await createTestDatabase()
    target = await createTestDatabase()
    await loadSmallDistrict(source, DOSSIERS)
    await importFeedback(source, writeCsv(dir, 'feedback.csv', ['code,unit_code,received_at,channel,summary,dossier_code', 'PA-1,H23.07.01,2022-09-09T09:00:00+07:00,phone,Hồ sơ trả chậm\ttab,AT-2']), { skipInvalid: false, ignoreUnknown: false })
    scan = await new FileStore(sourceFiles).put(Buffer.from('%PDF-1.4 bản quét thử nghiệm'))
    await source.db.insertInto('files').values({ sha256: scan, size_bytes: 10, media_type: 'application/pdf', original_name: 'to-khai.pdf', uploaded_by: 'user:test' }).execute()
    // A procedure's form is a stored file too.
    form = (await attachProcedureForm(source.db, new FileStore(sourceFiles), { procedureCode: '1.001193', name: 'Tờ khai đăng ký khai sinh', fileName: 'to-khai.pdf', bytes: Buffer.from('%PDF-1.7 tờ khai mẫu') }, { actor: 'test' })).sha256
  })
  afterAll(async () => {
    await source.close()
    await target.close()
  })

  it('every row, the audit chain, the indicators and the Decision 766 inputs are identical after the round trip, and the scans come back', async () => {
    const before = await stateOf(source)
    expect(before.audit.ok).toBe(true)
    const file = join(dir, 'motcua.backup')
    await writeBackup(source, sourceFiles, createWriteStream(file), 'cli:sao-luu')
    const backup = await readBackup(file)
    const targetFiles = join(dir, 'restored-files')
    await restoreBackup(target, backup, targetFiles, 'cli:khoi-phuc')
    const after = await stateOf(target)
    // The backup and the restore are audited after the backed-up log: one row each, chained on.
    const lastBackedUp = Number(backup.header.audit_head.last_id)
    const isLater = (row: unknown) => Number((row as { id: number }).id) > lastBackedUp
    expect((await source.db.selectFrom('audit_log').select('action').where('id', '>', String(lastBackedUp)).execute()).map((r) => r.action)).toEqual(['export.backup'])
    expect(after.rows.audit_log!.filter(isLater).map((r) => (r as { action: string }).action)).toEqual(['database.restore'])
    expect(after.audit).toMatchObject({ ok: true, rows: before.audit.rows + 1 })
    expect({ ...after, audit: null, rows: { ...after.rows, audit_log: after.rows.audit_log!.filter((r) => !isLater(r)), audit_head: null } })
      .toEqual({ ...before, audit: null, rows: { ...before.rows, audit_head: null } })
    expect(await new FileStore(targetFiles).get(scan)).toEqual(Buffer.from('%PDF-1.4 bản quét thử nghiệm'))
    expect(await new FileStore(targetFiles).get(form)).toEqual(Buffer.from('%PDF-1.7 tờ khai mẫu'))
  })

  it('the restored database goes on as the original would: new ids follow the restored ones and the audit chain continues', async () => {
    const last = await target.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    await loadSmallDistrict(target, ['AT-9,H23.07.01,1.001193,online,2022-09-20T08:00:00+07:00,,,,received,1,0,,0,,0,'])
    const next = await target.db.selectFrom('audit_log').select('id').where('id', '>', last.id).execute()
    expect(next.length).toBeGreaterThan(0)
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, problems: [] })
  })

  it('refuses to restore into a database that already has data, and a backup cut short; nothing changes', async () => {
    const file = join(dir, 'motcua.backup')
    const backup = await readBackup(file)
    const before = await stateOf(target)
    const error = await rejection(restoreBackup(target, backup, join(dir, 'x'), 'cli:khoi-phuc'))
    expect(error.userMessage).toMatch(/^Cơ sở dữ liệu đích đã có dữ liệu/)
    const whole = gunzipSync(readFileSync(file))
    const cut = join(dir, 'cut.backup')
    writeFileSync(cut, gzipSync(whole.subarray(0, whole.length - 40)))
    expect((await rejection(readBackup(cut))).userMessage).toMatch(/không hợp lệ: tệp bị cắt cụt/)
    expect(await stateOf(target)).toEqual(before)
  })
})

describe('cli -- backup while the server runs, cli -- restore into a fresh place', () => {
  const processDatabase = useProcessDatabase()
  let restoreTarget: { url: string; drop: () => Promise<void> } | null = null
  beforeAll(async () => {
    restoreTarget = await createServerTestDatabase()
  })
  afterAll(async () => restoreTarget?.drop())

  it('the backup is taken from the running server; the restored copy verifies and gives the same indicators', async () => {
    const dir = tempDir()
    const data = join(dir, 'data')
    mkdirSync(data, { recursive: true })
    const env = processDatabase.env()
    for (const [kind, rows] of [['units', UNITS_CSV], ['procedures', PROCEDURES_CSV], ['dossiers', [DOSSIER_HEADER, ...DOSSIERS]]] as const) {
      expect((await runCli(['import', kind, writeCsv(dir, `${kind}.csv`, rows), '--data', data], env)).code).toBe(0)
    }
    const server = startCli(['serve', '--port', '0', '--no-demo', '--data', data], env)
    const file = join(dir, 'motcua.backup')
    try {
      await waitForStderr(server, /motcua đang chạy tại/)
      const backup = await runCli(['backup', '--out', file, '--data', data], env)
      expect(backup.stderr).toMatch(/^Đã sao lưu \d+ bảng và 0 tệp số hóa/)
      // On the embedded database the running server holds the data folder and makes the backup.
      if (!env.DATABASE_URL) expect(backup.stderr).toMatch(/do máy chủ đang chạy thực hiện/)
      expect(backup.code).toBe(0)
    } finally {
      server.kill('SIGTERM')
      await server.done
    }
    const restoredData = join(dir, 'restored')
    const targetEnv = restoreTarget ? { DATABASE_URL: restoreTarget.url } : {}
    const restored = await runCli(['restore', file, '--data', restoredData], targetEnv)
    expect(restored.stderr).toMatch(/chuỗi băm liền mạch/)
    expect(restored.code).toBe(0)
    const figures = ['indicators', '--unit', 'H23.07', '--from', '2022-09-01', '--to', '2022-09-30', '--children', '--json']
    const original = await runCli([...figures, '--data', data], env)
    const copy = await runCli([...figures, '--data', restoredData], targetEnv)
    expect(copy.stdout).toBe(original.stdout)
    const verify = await runCli(['audit', 'verify', '--json', '--data', restoredData], targetEnv)
    const originalVerify = await runCli(['audit', 'verify', '--json', '--data', data], env)
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, rows: JSON.parse(originalVerify.stdout).rows })
  }, 300_000)
})
