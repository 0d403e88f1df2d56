import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
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

/**
 * Password login. Five failures in a row lock the account for 15 minutes (the lock is kept in
 * the database, so it holds across restarts); every attempt is audited.
 */
export async function login(db: Kysely<Database>, request: { username: string; password: string; ip: string | null; userAgent: string | null }): Promise<LoginResult> {
  const username = request.username.trim().toLowerCase()
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
  const passwordOk = await verifyPassword(request.password, user?.password_hash ?? (await NO_SUCH_USER))
  const now = new Date()
  if (!user || !user.active) {
    await db.transaction().execute((trx) => writeAudit(trx, { actor: `user:${username.slice(0, 64)}`, ip: request.ip, action: 'user.login_failed', entity: 'user', summary: { reason: 'unknown' } }))
    throw refused()
  }
  if (user.locked_until && user.locked_until > now) {
    await db.transaction().execute((trx) => writeAudit(trx, { actor: `user:${username}`, ip: request.ip, action: 'user.login_locked', entity: 'user', entityId: String(user.id) }))
    const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000)
    throw new AppError(ErrorCode.locked, 'account locked', `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${minutes} phút`)
  }
  if (!passwordOk) {
    const failures = user.failed_logins + 1
    const lock = failures >= MAX_FAILED_LOGINS
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null })
        .where('id', '=', user.id)
        .execute()
      await writeAudit(trx, { actor: `user:${username}`, ip: request.ip, action: lock ? 'user.locked' : 'user.login_failed', entity: 'user', entityId: String(user.id), summary: { failures } })
    })
    throw refused()
  }
  const session = await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute()
    await writeAudit(trx, { actor: `user:${username}`, ip: request.ip, action: 'user.login', entity: 'user', entityId: String(user.id) })
    return createSession(trx, user.id, { ip: request.ip, userAgent: request.userAgent })
  })
  return { ...session, user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, unitId: user.unit_id } }
}
