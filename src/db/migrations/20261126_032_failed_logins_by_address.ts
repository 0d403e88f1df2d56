import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Failed logins per client address are counted from the audit log, where every failure is
 * already written with its address: every server process on the database sees the same count,
 * and it survives a restart (it was a map in each process's memory). This index keeps the count
 * a short range scan however long the log grows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create index audit_log_failed_logins on audit_log (ip, at) where action in ('user.login_failed', 'user.locked');
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `drop index if exists audit_log_failed_logins;`)
}
