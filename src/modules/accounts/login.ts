import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { refuseAddressAfterFailures } from './failed-logins-by-address.js'
import { hashPassword, verifyPassword } from './password-hash.js'
import { createSession, type NewSession } from './sessions.js'

/** Failed logins in a row that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MINUTES = 15

// Compared against when the user does not exist, so both cases take the same time.
const NO_SUCH_USER = hashPassword('no such user: constant-time refusal')

export interface LoginResult extends NewSession {
  user: { id: number; username: string; displayName: string; role: string; unitId: number }
}

const refused = () => new AppError(ErrorCode.unauthenticated, 'bad credentials', 'Tên đăng nhập hoặc mật khẩu không đúng')

const locked = (until: Date, now: Date) =>
  new AppError(ErrorCode.locked, 'name locked', `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${Math.ceil((until.getTime() - now.getTime()) / 60_000)} phút`)

/** Rows of names that last failed this long ago and are not locked are forgotten. */
const FORGET_AFTER_MS = 30 * 86_400_000

/**
 * Password login. An address with twenty failures in ten minutes is refused first (whatever the
 * name). Failures are counted by the name typed, whether an account has it or not: five
 * in a row lock that name for 15 minutes (kept in the database, so it holds across restarts), and
 * an unknown name is answered exactly as an existing one — same status, same message, the same
 * scrypt work — so the lockout tells nobody which names exist. Every attempt is audited.
 */
export async function login(db: Kysely<Database>, request: { username: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  // At most 64 characters (code points: never half of a surrogate pair), as the table keeps them.
  const username = [...request.username.trim().toLowerCase()].slice(0, 64).join('')
  await refuseAddressAfterFailures(db, request.ip, new Date()).catch(async (error: unknown) => {
    await db.transaction().execute((trx) => writeAudit(trx, { actor: `user:${username}`, ip: request.ip, action: 'user.login_throttled', entity: 'user' }))
    throw error
  })
  const user = username === '' ? undefined : await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  const passwordOk = await verifyPassword(request.password, user?.password_hash ?? (await NO_SUCH_USER))
  if (username === '') throw refused()
  const now = new Date()
  const actor = `user:${username}`
  const entityId = user ? String(user.id) : undefined
  const throttle = await db.selectFrom('login_failures').select(['failures', 'locked_until']).where('username', '=', username).executeTakeFirst()
  if (throttle?.locked_until && throttle.locked_until > now) {
    await db.transaction().execute((trx) => writeAudit(trx, { actor, ip: request.ip, action: 'user.login_locked', entity: 'user', entityId }))
    throw locked(throttle.locked_until, now)
  }
  if (!user || !user.active || !passwordOk) {
    const reason = !user ? 'unknown' : !user.active ? 'inactive' : 'password'
    await db.transaction().execute(async (trx) => {
      const { failures } = await trx
        .insertInto('login_failures')
        .values({ username, failures: 1, locked_until: null, last_failed_at: now })
        .onConflict((oc) => oc.column('username').doUpdateSet((eb) => ({ failures: eb('login_failures.failures', '+', 1), locked_until: null, last_failed_at: now })))
        .returning('failures')
        .executeTakeFirstOrThrow()
      const lock = failures >= MAX_FAILED_LOGINS
      if (lock) await trx.updateTable('login_failures').set({ failures: 0, locked_until: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) }).where('username', '=', username).execute()
      await trx.deleteFrom('login_failures').where('last_failed_at', '<', new Date(now.getTime() - FORGET_AFTER_MS)).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)])).execute()
      await writeAudit(trx, { actor, ip: request.ip, action: lock ? 'user.locked' : 'user.login_failed', entity: 'user', entityId, summary: { failures, reason } })
    })
    throw refused()
  }
  const session = await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_failures').where('username', '=', username).execute()
    await writeAudit(trx, { actor, ip: request.ip, action: 'user.login', entity: 'user', entityId })
    return createSession(trx, user.id, { ip: request.ip, userAgent: request.userAgent })
  })
  return { ...session, user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, unitId: user.unit_id } }
}
