import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.js'

/** Whether the database answers at all (the health check's question). */
export async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db)
    return true
  } catch {
    return false
  }
}
