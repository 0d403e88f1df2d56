import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * throttle_counters: the public portal's throttles (requests per address, guesses of dossier
 * codes and one-time codes) counted in the database, so every server process shares one
 * allowance. One row per key and fixed window; a hit is one upsert; rows past their window are
 * swept by later hits (expires_at).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table throttle_counters (
      key text not null check (length(key) between 1 and 200),
      window_start timestamptz not null,
      expires_at timestamptz not null,
      count integer not null check (count >= 0),
      primary key (key, window_start)
    );
    create index throttle_counters_expires on throttle_counters (expires_at);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop table if exists throttle_counters;`)
}
