import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { refuseAddressAfterFailures } from './failed-logins-by-address.js'
import { countFailedPassword, forgetFailedPasswords, lockedName, nameLockedUntil } from './failed-passwords-by-name.js'
import { hashPassword, verifyPassword } from './password-hash.js'
import { createSession, type NewSession } from './sessions.js'

// Compared against when the user does not exist, so both cases take the same time.
const NO_SUCH_USER = hashPassword('no such user: constant-time refusal')

export interface LoginResult extends NewSession {
  user: { id: number; username: string; displayName: string; role: string; unitId: number }
}

const refused = () => new AppError(ErrorCode.unauthenticated, 'bad credentials', 'Tên đăng nhập hoặc mật khẩu không đúng')

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
  const lockedUntil = await nameLockedUntil(db, username, now)
  if (lockedUntil) {
    await db.transaction().execute((trx) => writeAudit(trx, { actor, ip: request.ip, action: 'user.login_locked', entity: 'user', entityId }))
    throw lockedName(lockedUntil, now)
  }
  if (!user || !user.active || !passwordOk) {
    const reason = !user ? 'unknown' : !user.active ? 'inactive' : 'password'
    await db.transaction().execute(async (trx) => {
      const { failures, locked } = await countFailedPassword(trx, username, now)
      await writeAudit(trx, { actor, ip: request.ip, action: locked ? 'user.locked' : 'user.login_failed', entity: 'user', entityId, summary: { failures, reason } })
    })
    throw refused()
  }
  const session = await db.transaction().execute(async (trx) => {
    await forgetFailedPasswords(trx, username)
    await writeAudit(trx, { actor, ip: request.ip, action: 'user.login', entity: 'user', entityId })
    return createSession(trx, user.id, { ip: request.ip, userAgent: request.userAgent })
  })
  return { ...session, user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, unitId: user.unit_id } }
}
