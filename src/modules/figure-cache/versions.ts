import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/**
 * The two versions a request's answers depend on: `data` (what figures are made of, migration
 * 012) and `access` (sessions, accounts, the unit tree, migration 024). Both are bumped in the
 * writer's own transaction, so whatever was kept in memory under them is right while they stand.
 */
export interface Versions {
  data: number
  access: number
}

/** Both versions now, in one query. */
export async function readVersions(db: Kysely<Database>): Promise<Versions> {
  const { rows } = await sql<{ data: string; access: string }>`
    select (select sum(version) from data_version) as data, (select sum(version) from access_version) as access
  `.execute(db)
  return { data: Number(rows[0]!.data), access: Number(rows[0]!.access) }
}

/**
 * One read of the versions for every request that arrives before it is sent: 200 leaders asking
 * at once cost one query, not 200. A request only ever joins a read sent after it arrived, so a
 * change committed before a request came (a logout answered, a dossier received) is always seen
 * by it; a read already sent is never shared with a request that came later.
 */
export class SharedVersionRead {
  private next: Promise<Versions> | null = null

  constructor(private readonly read: () => Promise<Versions>) {}

  versions(): Promise<Versions> {
    if (this.next) return this.next
    const next = new Promise<Versions>((resolve, reject) => {
      // Sent once this turn of the event loop has taken in the requests that arrived with it.
      setImmediate(() => {
        this.next = null
        this.read().then(resolve, reject)
      })
    })
    this.next = next
    return next
  }
}
