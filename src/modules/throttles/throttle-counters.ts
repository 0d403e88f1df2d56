import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { ThrottleWindow } from '../../domain/throttles/fixed-window.js'

/**
 * The throttles' counters in the database (migration 026): every server process on the same
 * database counts into the same rows. A hit is one atomic upsert that answers the new count.
 */
export async function countHit(db: Kysely<Database>, key: string, window: ThrottleWindow): Promise<number> {
  const row = await db
    .insertInto('throttle_counters')
    .values({ key, window_start: window.start, expires_at: window.end, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`throttle_counters.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow()
  // A key's first hit of a window also sweeps the windows that are over (anyone's): the table
  // holds only live windows without a timer of its own.
  if (row.count === 1) await sweepEndedWindows(db, window.start)
  return row.count
}

/** The hits counted so far in the window (0 when none). */
export async function hitsIn(db: Kysely<Database>, key: string, window: ThrottleWindow): Promise<number> {
  const row = await db
    .selectFrom('throttle_counters')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', window.start)
    .executeTakeFirst()
  return row?.count ?? 0
}

export async function sweepEndedWindows(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('throttle_counters').where('expires_at', '<=', now).execute()
}
