import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { passwordProblems } from '../../domain/accounts/password-policy.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import type { Actor } from './actor.js'
import { refuseAddressAfterFailures } from './failed-logins-by-address.js'
import { countFailedPassword, forgetFailedPasswords, lockedName, nameLockedUntil } from './failed-passwords-by-name.js'
import { hashPassword, verifyPassword } from './password-hash.js'

const weak = (problems: readonly string[]) => new AppError(ErrorCode.validation, 'weak password', `Mật khẩu mới không đạt yêu cầu: ${problems.join('; ')}`)

/**
 * An official changes their own password: the current one is asked again (a session left open
 * on a shared computer must not be enough), a wrong one counts as a failed login of the name
 * and of the address, and every other session of the official ends — this one stays open.
 * Answers how many sessions ended.
 */
export async function changeOwnPassword(db: Kysely<Database>, actor: Actor, change: { currentPassword: string; newPassword: string }, ip: string | null): Promise<number> {
  if (actor.kind !== 'user') throw new AppError(ErrorCode.forbidden, 'tokens have no password', 'Mã truy cập không có mật khẩu để đổi')
  const user = await db.selectFrom('users').select(['id', 'username', 'password_hash']).where('id', '=', actor.id).executeTakeFirstOrThrow()
  const now = new Date()
  await refuseAddressAfterFailures(db, ip, now)
  const lockedUntil = await nameLockedUntil(db, user.username, now)
  if (lockedUntil) throw lockedName(lockedUntil, now)
  if (!(await verifyPassword(change.currentPassword, user.password_hash))) {
    await db.transaction().execute(async (trx) => {
      const { failures, locked } = await countFailedPassword(trx, user.username, now)
      await writeAudit(trx, { actor: actor.label, ip, action: locked ? 'user.locked' : 'user.login_failed', entity: 'user', entityId: String(user.id), summary: { failures, reason: 'password_change' } })
    })
    throw new AppError(ErrorCode.validation, 'wrong current password', 'Mật khẩu hiện tại không đúng')
  }
  const problems = passwordProblems(change.newPassword, user.username)
  if (change.newPassword === change.currentPassword) problems.push('mật khẩu mới phải khác mật khẩu hiện tại')
  if (problems.length > 0) throw weak(problems)
  const passwordHash = await hashPassword(change.newPassword)
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute()
    await forgetFailedPasswords(trx, user.username)
    let others = trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', user.id).where('revoked_at', 'is', null)
    if (actor.sessionId) others = others.where('id', '!=', actor.sessionId)
    const ended = Number((await others.executeTakeFirst()).numUpdatedRows)
    await writeAudit(trx, { actor: actor.label, ip, action: 'user.password_change', entity: 'user', entityId: String(user.id), summary: { sessions_ended: ended } })
    return ended
  })
}

/**
 * An administrator sets an official's password (forgotten, or the account handed over): every
 * session of the official ends and the name's lock is lifted. Answers how many sessions ended.
 */
export async function resetPassword(db: Kysely<Database>, reset: { username: string; password: string }, actorLabel: string): Promise<number> {
  const username = reset.username.trim().toLowerCase()
  const user = await db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirst()
  if (!user) throw new AppError(ErrorCode.notFound, 'unknown user', `Không có tài khoản ${username}`)
  const problems = passwordProblems(reset.password, user.username)
  if (problems.length > 0) throw weak(problems)
  const passwordHash = await hashPassword(reset.password)
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute()
    await forgetFailedPasswords(trx, user.username)
    const ended = Number((await trx.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', user.id).where('revoked_at', 'is', null).executeTakeFirst()).numUpdatedRows)
    await writeAudit(trx, { actor: actorLabel, action: 'user.password_reset', entity: 'user', entityId: String(user.id), summary: { username: user.username, sessions_ended: ended } })
    return ended
  })
}
