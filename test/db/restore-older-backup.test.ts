import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appliedMigrations, migrateUpTo, MIGRATION_NAMES } from '../../src/db/migrate.js'
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupContents } from '../../src/modules/backup/backup-format.js'
import { backupTables } from '../../src/modules/backup/backup-tables.js'
import { restoreBackup } from '../../src/modules/backup/restore-backup.js'
import { tempDir } from '../support/files.js'
import { insertUnitsAsThen } from '../support/units-as-then.js'

/** The last migration before incoming documents became incoming directives. */
const OLDER_LEVEL = '20261126_022_twolevel_decided_rollups'

/** A backup as a motcua of that level wrote it: the header, then every table's rows in COPY format. */
async function backupAsWrittenThen(handle: DatabaseHandle): Promise<BackupContents> {
  return handle.rawTransaction(async (session) => {
    const migrations = (await session.query<{ name: string }>('select name from kysely_migration order by name')).map((r) => r.name)
    const [head] = await session.query<{ last_id: string; last_hash: string }>('select last_id::text as last_id, last_hash from audit_head where id = 1')
    const tables = []
    for (const { table, columns } of await backupTables(session)) tables.push({ table, columns, data: await session.copyOut(table, columns) })
    return { header: { format: BACKUP_FORMAT, version: BACKUP_VERSION, created_at: '2026-11-20T08:00:00.000Z', migrations, audit_head: head! }, tables, files: [] }
  })
}

describe('a backup made before later migrations is restored into today’s schema', () => {
  let source: DatabaseHandle
  let target: DatabaseHandle

  beforeAll(async () => {
    source = await openDatabase({ memory: true })
    await migrateUpTo(source.db, OLDER_LEVEL)
    await insertUnitsAsThen(source.db)
    await sql`insert into files (sha256, size_bytes, media_type, original_name, uploaded_by) values (${'cd'.repeat(32)}, 100, 'application/pdf', 'cv-4707.pdf', 'user:van-thu')`.execute(source.db)
    // Kept apart in those days: a letter received, with its scan.
    await sql`insert into incoming_documents (unit_id, number, title, issued_on, file_id, received_by, received_at)
      select u.id, '4707/KH-UBND', 'Kế hoạch chuyển đổi số năm 2022', '2021-12-24', f.id, 'user:van-thu', '2021-12-27T08:00:00+07:00'
      from units u, files f where u.code = 'H23.07'`.execute(source.db)
    target = await openDatabase({ memory: true })
  }, 180_000)
  afterAll(async () => {
    await source.close()
    await target.close()
  })

  it('loads the rows into the schema they were written from, then the migrations since move them on: the letter is an incoming directive', async () => {
    const backup = await backupAsWrittenThen(source)
    expect(backup.header.migrations.at(-1)).toBe(OLDER_LEVEL)

    await restoreBackup(target, backup, tempDir(), 'cli:khoi-phuc')

    expect(await appliedMigrations(target.db)).toEqual(MIGRATION_NAMES)
    const directives = await target.db
      .selectFrom('directives as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .select(['u.code', 'd.direction', 'd.number', 'd.issued_on', 'd.subject'])
      .execute()
    expect(directives).toEqual([{ code: 'H23.07', direction: 'incoming', number: '4707/KH-UBND', issued_on: '2021-12-24', subject: 'Kế hoạch chuyển đổi số năm 2022' }])
    expect((await verifyAuditChain(target.db)).ok).toBe(true)
    const restored = await target.db.selectFrom('audit_log').select('action').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(restored.action).toBe('database.restore')
  })
})
