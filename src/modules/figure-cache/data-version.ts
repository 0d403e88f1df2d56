import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/**
 * The data version now: bumped in the same transaction as any change to what figures are made
 * of (migration 012), so an answer computed at version v is right for as long as v is current.
 * The sum of the counter's rows: every committed bump makes it grow.
 */
export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select(sql<number>`sum(version)`.as('version')).executeTakeFirstOrThrow()
  return Number(row.version)
}
