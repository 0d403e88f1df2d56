import { userInfo } from 'node:os'
import { loadConfig, type AppConfig } from '../config/app-config.js'
import { openDatabase, type DatabaseHandle } from '../db/open-database.js'
import { migrateToLatest } from '../db/migrate.js'
import { loadAuditAnchorKey } from '../modules/audit/audit-anchor-key.js'
import { appendAuditAnchor, auditAnchorPath, type AuditAnchorStore } from '../modules/audit/audit-anchors.js'

/** What every command gets: the configuration and, opened on demand, the database. */
export interface CliContext {
  config: AppConfig
  /**
   * Opens (once) and migrates the database; it is closed when the command ends or is interrupted.
   * `migrate: false` leaves the migrations to the command (a restore brings the database to its backup's level first).
   */
  database(options?: { migrate?: boolean }): Promise<DatabaseHandle>
  /** The audit anchor file of this database and its key (made on first use), outside the database. */
  auditAnchors(): AuditAnchorStore
  /** Who runs the command, for the audit log: `cli:<os user>`. */
  actor: string
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export function createCliContext(dataDir: string | undefined): { context: CliContext; close: () => Promise<void> } {
  const config = loadConfig(process.env, dataDir ? { dataDir } : {})
  let opened: Promise<DatabaseHandle> | null = null
  let anchors: AuditAnchorStore | null = null
  const context: CliContext = {
    config,
    database(options = {}) {
      opened ??= (async () => {
        const handle = await openDatabase({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) })
        try {
          if (options.migrate !== false) await migrateToLatest(handle.db)
        } catch (error) {
          await handle.close()
          throw error
        }
        return handle
      })()
      return opened
    },
    auditAnchors() {
      anchors ??= { path: auditAnchorPath(config.dataDir, config.databaseUrl), key: loadAuditAnchorKey(config.dataDir, config.auditKey) }
      return anchors
    },
    actor: `cli:${userInfo().username}`,
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  }
  const close = async () => {
    if (!opened) return
    const handle = await opened.catch(() => null)
    if (!handle) return
    // Whatever the command changed, its audit rows are anchored outside the database.
    try {
      await appendAuditAnchor(handle.db, context.auditAnchors())
    } catch (error) {
      context.stderr(`Cảnh báo: không ghi được mốc neo nhật ký (${error instanceof Error ? error.message : String(error)})`)
    }
    await handle.close()
  }
  return { context, close }
}
