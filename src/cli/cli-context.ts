import { userInfo } from 'node:os'
import { loadConfig, type AppConfig } from '../config/app-config.js'
import { openDatabase, type DatabaseHandle } from '../db/open-database.js'
import { migrateToLatest } from '../db/migrate.js'

/** What every command gets: the configuration and, opened on demand, the database. */
export interface CliContext {
  config: AppConfig
  /** Opens (once) and migrates the database; it is closed when the command ends or is interrupted. */
  database(): Promise<DatabaseHandle>
  /** Who runs the command, for the audit log: `cli:<os user>`. */
  actor: string
  stdout: (text: string) => void
  stderr: (text: string) => void
}

export function createCliContext(dataDir: string | undefined): { context: CliContext; close: () => Promise<void> } {
  const config = loadConfig(process.env, dataDir ? { dataDir } : {})
  let opened: Promise<DatabaseHandle> | null = null
  const context: CliContext = {
    config,
    database() {
      opened ??= (async () => {
        const handle = await openDatabase({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) })
        try {
          await migrateToLatest(handle.db)
        } catch (error) {
          await handle.close()
          throw error
        }
        return handle
      })()
      return opened
    },
    actor: `cli:${userInfo().username}`,
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  }
  const close = async () => {
    if (!opened) return
    const handle = await opened.catch(() => null)
    await handle?.close()
  }
  return { context, close }
}
