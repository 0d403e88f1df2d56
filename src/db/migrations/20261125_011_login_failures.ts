import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Failed logins counted by the name typed, whether an account has it or not: the lockout is
 * then the same for an unknown name as for an existing account, and says nothing of which names
 * exist. users.failed_logins and users.locked_until are no longer read.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table login_failures (
      username text primary key check (length(username) between 1 and 64),
      failures integer not null check (failures >= 0),
      locked_until timestamptz,
      last_failed_at timestamptz not null
    );
    create index login_failures_last on login_failures (last_failed_at);
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop table if exists login_failures;`)
}
