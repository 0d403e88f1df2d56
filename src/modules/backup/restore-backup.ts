import { sql } from 'kysely'
import { appliedMigrations, migrateToLatest, migrateUpTo, MIGRATION_NAMES } from '../../db/migrate.js'
import type { DatabaseHandle } from '../../db/open-database.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { FileStore } from '../desk/file-store.js'
import type { BackupContents } from './backup-format.js'
import { backupTables } from './backup-tables.js'

export interface RestoreSummary {
  tables: number
  files: number
  auditHead: { last_id: string; last_hash: string }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

async function assertEmpty(handle: DatabaseHandle): Promise<void> {
  const { rows } = await sql<{ units: number; audit: number }>`select (select count(*) from units)::int as units, (select count(*) from audit_log)::int as audit`.execute(handle.db)
  if (rows[0]!.units > 0 || rows[0]!.audit > 0) {
    throw new AppError(ErrorCode.conflict, 'restore target not empty', 'Cơ sở dữ liệu đích đã có dữ liệu: hãy khôi phục vào một thư mục dữ liệu mới (--data) hoặc một cơ sở dữ liệu trống (DATABASE_URL)')
  }
}

/**
 * Brings an empty database to the level its backup was made at, so an older backup loads into the
 * schema it was written from (the migrations since then move its data on afterwards, as they
 * would have moved the original's). A database already past that level stays as it is.
 */
async function migrateToBackupLevel(handle: DatabaseHandle, backupMigrations: readonly string[]): Promise<void> {
  const level = backupMigrations.at(-1)
  if (level === undefined) return
  const applied = await appliedMigrations(handle.db)
  if (applied.every((name) => backupMigrations.includes(name))) await migrateUpTo(handle.db, level)
}

/**
 * Loads a backup into an empty database at the backup's level, all in one transaction: each table's rows as
 * they were (its own triggers off while it loads, so the rollups are the backed-up ones, not
 * computed twice; foreign keys checked), the identity sequences moved past the restored ids, and
 * the audit head advanced over the restored chain — its guard walks the chain, so a backup whose
 * log does not link is refused. The scans are written first (by content: harmless if it fails).
 * Then the migrations made since the backup run (an older backup's rows moved into today's
 * tables), and the restore itself is the first row after the restored log.
 */
export async function restoreBackup(handle: DatabaseHandle, backup: BackupContents, filesDir: string, actor: string): Promise<RestoreSummary> {
  const unknown = backup.header.migrations.filter((name) => !MIGRATION_NAMES.includes(name))
  if (unknown.length > 0) {
    throw new AppError(ErrorCode.validation, `backup needs migrations ${unknown.join(', ')}`, `Bản sao lưu được tạo bởi phiên bản motcua mới hơn (thiếu cấu trúc ${unknown.join(', ')}): hãy cập nhật motcua rồi khôi phục`)
  }
  await migrateToBackupLevel(handle, backup.header.migrations)
  await assertEmpty(handle)
  const store = new FileStore(filesDir)
  for (const file of backup.files) {
    if ((await store.put(file.data)) !== file.sha256) {
      throw new AppError(ErrorCode.validation, `backup file ${file.sha256} damaged`, `Tệp ${file.sha256} trong bản sao lưu bị hỏng (mã băm không khớp)`)
    }
  }
  const head = backup.header.audit_head
  await handle.rawTransaction(async (session) => {
    const present = new Map((await backupTables(session)).map((t) => [t.table, new Set(t.columns)]))
    for (const { table, columns, data } of backup.tables) {
      const known = present.get(table)
      const missing = columns.filter((c) => !known?.has(c))
      if (!known || missing.length > 0) {
        throw new AppError(ErrorCode.validation, `backup table ${table} does not fit`, `Bảng ${table} trong bản sao lưu không khớp cấu trúc cơ sở dữ liệu (${missing.join(', ') || 'không có bảng này'})`)
      }
      await session.query(`alter table ${quote(table)} disable trigger user`)
      await session.copyIn(table, columns, data)
      await session.query(`alter table ${quote(table)} enable trigger user`)
    }
    const identities = await session.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns where table_schema = current_schema() and is_identity = 'YES'`,
    )
    for (const { table_name: table, column_name: column } of identities) {
      await session.query(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quote(column)}) from ${quote(table)}), 1), (select count(*) > 0 from ${quote(table)}))`,
        [quote(table), column],
      )
    }
    if (head.last_id !== '0') await session.query('update audit_head set last_id = $1, last_hash = $2 where id = 1', [head.last_id, head.last_hash])
    // Loaded into a database past the backup's level (migrated before the restore), a backup from
    // before the history facts (migration 028) has none: derive them from the events. At the
    // backup's level the migration derives them when it runs, below.
    if (present.has('dossier_history_facts') && !backup.tables.some((t) => t.table === 'dossier_history_facts')) await session.query('select rebuild_dossier_history_facts()')
    // The figures changed under any answer computed before (the triggers were off while loading),
    // and so did the accounts and sessions behind any actor kept in memory.
    for (const version of ['data_version', 'access_version']) {
      if ((await session.query<{ found: string | null }>('select to_regclass($1)::text as found', [version]))[0]?.found) await session.query(`update ${version} set version = version + 1`)
    }
  })
  await migrateToLatest(handle.db)
  await handle.db.transaction().execute((trx) =>
    writeAudit(trx, { actor, action: 'database.restore', entity: 'database', summary: { created_at: backup.header.created_at, tables: backup.tables.length, files: backup.files.length, audit_last_id: head.last_id } }),
  )
  return { tables: backup.tables.length, files: backup.files.length, auditHead: backup.header.audit_head }
}
