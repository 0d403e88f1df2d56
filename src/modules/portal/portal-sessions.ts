import { createHash, randomBytes } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/** A citizen's session on the portal lasts two hours: long enough to fill a form and pay. */
export const PORTAL_SESSION_MS = 2 * 3600_000

export interface PortalIdentity {
  phone: string | null
  oidcSubject: string | null
  fullName: string | null
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * A new session for a verified phone or an OIDC login: the token is given once, only its hash
 * kept; `sessionRef` (the hash's first 16 characters) names the session in the audit log.
 */
export async function openPortalSession(db: Kysely<Database> | Transaction<Database>, identity: PortalIdentity, now = new Date()): Promise<{ token: string; expiresAt: Date; sessionRef: string }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + PORTAL_SESSION_MS)
  await db
    .insertInto('portal_sessions')
    .values({ token_hash: hashToken(token), phone: identity.phone, oidc_subject: identity.oidcSubject, full_name: identity.fullName, expires_at: expiresAt })
    .execute()
  // Old sessions are swept as new ones are opened: the table stays small without a timer.
  await db.deleteFrom('portal_sessions').where('expires_at', '<', sql<Date>`now() - interval '1 day'`).execute()
  return { token, expiresAt, sessionRef: hashToken(token).slice(0, 16) }
}

/** The identity behind a token, or a 401 in Vietnamese when it is unknown or expired. */
export async function portalIdentityOf(db: Kysely<Database>, token: string | undefined, now = new Date()): Promise<PortalIdentity> {
  if (!token) throw new AppError(ErrorCode.unauthenticated, 'no portal session', 'Cần xác thực số điện thoại (mã OTP) hoặc đăng nhập trước')
  const row = await db.selectFrom('portal_sessions').select(['phone', 'oidc_subject', 'full_name', 'expires_at']).where('token_hash', '=', hashToken(token)).executeTakeFirst()
  if (!row || new Date(row.expires_at).getTime() <= now.getTime()) {
    throw new AppError(ErrorCode.unauthenticated, 'portal session expired', 'Phiên xác thực đã hết hạn; hãy nhận mã OTP mới')
  }
  return { phone: row.phone, oidcSubject: row.oidc_subject, fullName: row.full_name }
}
