import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import type { DatabaseHandle } from '../../db/open-database.js'
import { writeAudit } from '../audit/write-audit.js'
import { FileStore } from '../desk/file-store.js'
import { BACKUP_FORMAT, BACKUP_VERSION, encodeRecord, type BackupRecord } from './backup-format.js'
import { backupTables } from './backup-tables.js'

export interface BackupSummary {
  tables: number
  files: number
  auditHead: { last_id: string; last_hash: string }
}

/**
 * Writes a backup of the database and of the stored scans to `output`. Every table is read in
 * one read-only snapshot (REPEATABLE READ), so the backup is consistent while the server keeps
 * writing; the scans are immutable files named by their hash, read after the snapshot. A backup
 * holds personal data, so it is audited like any export (after the snapshot: the backup holds
 * the log up to the row before its own).
 */
export async function writeBackup(handle: DatabaseHandle, filesDir: string, output: Writable, actor: string, now = new Date()): Promise<BackupSummary> {
  const gzip = createGzip()
  const finished = pipeline(gzip, output)
  const write = async (record: BackupRecord, payload?: Buffer) => {
    for (const part of encodeRecord(record, payload)) if (!gzip.write(part)) await once(gzip, 'drain')
  }
  try {
    const { tables, hashes, auditHead } = await handle.rawTransaction(async (session) => {
      const migrations = (await session.query<{ name: string }>('select name from kysely_migration order by name')).map((r) => r.name)
      const [head] = await session.query<{ last_id: string; last_hash: string }>('select last_id::text as last_id, last_hash from audit_head where id = 1')
      await write({ kind: 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, created_at: now.toISOString(), migrations, audit_head: head! })
      const list = await backupTables(session)
      for (const { table, columns } of list) {
        const data = await session.copyOut(table, columns)
        await write({ kind: 'table', table, columns, bytes: data.length }, data)
      }
      // Every stored file a row refers to: scans and results (files), and the procedures' forms.
      const files = await session.query<{ sha256: string }>('select sha256 from files union select sha256 from procedure_forms order by sha256')
      return { tables: list.length, hashes: files.map((f) => f.sha256), auditHead: head! }
    }, { snapshot: true })
    const store = new FileStore(filesDir)
    for (const sha256 of hashes) {
      const data = await store.get(sha256)
      await write({ kind: 'file', sha256, bytes: data.length }, data)
    }
    await write({ kind: 'end', tables, files: hashes.length })
    gzip.end()
    await finished
    await handle.db.transaction().execute((trx) =>
      writeAudit(trx, { actor, action: 'export.backup', entity: 'database', summary: { tables, files: hashes.length, audit_last_id: auditHead.last_id } }),
    )
    return { tables, files: hashes.length, auditHead }
  } catch (error) {
    gzip.destroy(error as Error)
    await finished.catch(() => {})
    throw error
  }
}
