import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/** Wrong passwords in a row that lock a name, and for how long. */
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

/** Rows of names that last failed this long ago and are not locked are forgotten. */
const FORGET_AFTER_MS = 30 * 86_400_000

export const lockedName = (until: Date, now: Date) =>
  new AppError(ErrorCode.locked, 'name locked', `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${Math.ceil((until.getTime() - now.getTime()) / 60_000)} phút`)

/** When the name is locked until, if it is locked now (kept in the database: it holds across restarts). */
export async function nameLockedUntil(db: Kysely<Database>, username: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom('login_failures').select('locked_until').where('username', '=', username).executeTakeFirst()
  return row?.locked_until && row.locked_until > now ? row.locked_until : null
}

/**
 * Counts a wrong password for the name (at login, or the current password when changing it):
 * the fifth in a row locks the name. Answers the count and whether it locked, for the audit row.
 */
export async function countFailedPassword(trx: Transaction<Database>, username: string, now: Date): Promise<{ failures: number; locked: boolean }> {
  const { failures } = await trx
    .insertInto('login_failures')
    .values({ username, failures: 1, locked_until: null, last_failed_at: now })
    .onConflict((oc) => oc.column('username').doUpdateSet((eb) => ({ failures: eb('login_failures.failures', '+', 1), locked_until: null, last_failed_at: now })))
    .returning('failures')
    .executeTakeFirstOrThrow()
  const locked = failures >= MAX_FAILED_LOGINS
  if (locked) await trx.updateTable('login_failures').set({ failures: 0, locked_until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }).where('username', '=', username).execute()
  await trx.deleteFrom('login_failures').where('last_failed_at', '<', new Date(now.getTime() - FORGET_AFTER_MS)).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])).execute()
  return { failures, locked }
}

/** A right password starts the count again. */
export async function forgetFailedPasswords(trx: Transaction<Database>, username: string): Promise<void> {
  await trx.deleteFrom('login_failures').where('username', '=', username).execute()
}
