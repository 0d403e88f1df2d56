import { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { acquireDataDirLock } from './data-dir-lock.js'
import type { Database } from './schema.js'

// bigint (count(*), sums) as a JS number on the server, as PGlite already does.
pg.types.setTypeParser(20, (value) => Number(value))
// A calendar date is a day, not an instant: keep 'YYYY-MM-DD' instead of a Date at local midnight.
const DATE_OID = 1082
pg.types.setTypeParser(DATE_OID, (value) => value)

export type DatabaseKind = 'pglite' | 'postgres'

/** One connection inside one transaction, outside Kysely: what a backup reads and a restore loads. */
export interface RawSession {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>
  /** `COPY … TO` in text format: the table's rows as the server writes them. */
  copyOut(table: string, columns: readonly string[]): Promise<Buffer>
  /** `COPY … FROM` in text format. */
  copyIn(table: string, columns: readonly string[], data: Buffer): Promise<void>
}

export interface RawTransactionOptions {
  /** A read-only snapshot (REPEATABLE READ): every table as of one moment, while others keep writing. */
  snapshot?: boolean
}

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
  /** Where it lives, for messages: a folder or a server URL without its password. */
  location: string
  /** Bulk-load CSV text into a table with COPY: the fast path of imports. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>
  /** Runs `work` in one transaction on one connection; committed when it resolves, rolled back when it throws. */
  rawTransaction<T>(work: (session: RawSession) => Promise<T>, options?: RawTransactionOptions): Promise<T>
  /** A tarball of the embedded database (PGlite only), to start test databases from. */
  dumpDataDir?(): Promise<Blob>
  /** Flush, checkpoint and close; safe to call twice. */
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  /** Folder of the embedded database; ignored when `databaseUrl` is given. */
  dataDir?: string
  databaseUrl?: string
  /** An in-memory embedded database, for tests. */
  memory?: boolean
  /** A dump made by `dumpDataDir`, to start from (tests start from a migrated template). */
  loadDataDir?: Blob
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`
}

function copyTextStatement(table: string, columns: readonly string[], direction: 'TO' | 'FROM', target: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) ${direction} ${target}`
}

const SNAPSHOT = 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'

/** PGlite starts with fsync off (`-F`); motcua keeps citizens' records, so it writes durably. */
function durableStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams
  if (!defaults) throw new Error('PGlite.defaultStartParams is missing: check the PGlite version')
  return defaults.filter((param) => param !== '-F')
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const dataDir = options.memory ? undefined : options.dataDir ?? './data'
  const release = dataDir ? acquireDataDirLock(dataDir) : () => {}
  let pglite: PGlite
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir: `${dataDir}/pgdata` } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      startParams: durableStartParams(),
      parsers: { [DATE_OID]: (value: string) => value },
    })
  } catch (error) {
    release()
    throw error
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) })
  let closed = false
  return {
    db,
    kind: 'pglite',
    location: dataDir ?? ':memory:',
    async copyCsv(table, columns, csv) {
      await pglite.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([csv]) })
    },
    async rawTransaction(work, options = {}) {
      // PGlite has one connection: its transaction() holds it, so other queries wait their turn.
      return pglite.transaction(async (tx) => {
        if (options.snapshot) await tx.exec(SNAPSHOT)
        return work({
          async query<Row>(text: string, params: unknown[] = []) {
            return (await tx.query<Row>(text, params)).rows
          },
          async copyOut(table, columns) {
            const result = await tx.query(copyTextStatement(table, columns, 'TO', `'/dev/blob'`))
            return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0)
          },
          async copyIn(table, columns, data) {
            await tx.query(copyTextStatement(table, columns, 'FROM', `'/dev/blob'`), [], { blob: new Blob([new Uint8Array(data)]) })
          },
        })
      })
    },
    async dumpDataDir() {
      return pglite.dumpDataDir('none')
    },
    async close() {
      if (closed) return
      closed = true
      try {
        if (!pglite.closed) await pglite.query('CHECKPOINT')
        await db.destroy()
      } finally {
        release()
      }
    },
  }
}

async function openServer(databaseUrl: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 })
  // An idle connection the server closes (restart, admin) must not crash the process: the
  // pool drops it and opens another on the next query.
  pool.on('error', (error) => process.stderr.write(`PostgreSQL: kết nối nhàn rỗi bị đóng (${error.message})\n`))
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  let closed = false
  const url = new URL(databaseUrl)
  url.password = url.password ? '***' : ''
  return {
    db,
    kind: 'postgres',
    location: url.toString(),
    async copyCsv(table, columns, csv) {
      const client = await pool.connect()
      try {
        await pipeline(Readable.from([csv]), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))))
      } finally {
        client.release()
      }
    },
    async rawTransaction(work, options = {}) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        if (options.snapshot) await client.query(SNAPSHOT)
        const result = await work({
          async query<Row>(text: string, params: unknown[] = []) {
            return (await client.query(text, params)).rows as Row[]
          },
          async copyOut(table, columns) {
            const chunks: Buffer[] = []
            for await (const chunk of client.query(copyTo(copyTextStatement(table, columns, 'TO', 'STDOUT')))) chunks.push(chunk as Buffer)
            return Buffer.concat(chunks)
          },
          async copyIn(table, columns, data) {
            await pipeline(Readable.from([data]), client.query(copyFrom(copyTextStatement(table, columns, 'FROM', 'STDIN'))))
          },
        })
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      if (closed) return
      closed = true
      await db.destroy()
    },
  }
}

/** PGlite in `dataDir` by default; the PostgreSQL server in `databaseUrl` when one is given. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options)
}
