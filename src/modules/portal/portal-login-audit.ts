import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { maskPhone } from '../../domain/accounts/mask.js'
import { writeAudit } from '../audit/write-audit.js'

/** How a citizen opened (or failed to open) a portal session. */
export interface PortalLogin {
  method: 'otp' | 'oidc'
  /** The phone proved or tried (kept masked in the log, as personal data is). */
  phone: string | null
  oidcSubject: string | null
  ip: string | null
  /** Null when the session opened; else why not (`wrong`, `expired`, `exhausted`). */
  failure: string | null
  /** The opened session's reference (the start of its token's hash, as portal_sessions keeps it). */
  sessionRef?: string
  /** For OIDC: whether the provider vouched for the phone number it gave. */
  phoneVerified?: boolean
}

/** The audit actor of a portal login: the OIDC subject, else the phone masked ("portal:091****678"). */
export function portalLoginActor(login: Pick<PortalLogin, 'phone' | 'oidcSubject'>): string {
  return login.oidcSubject !== null ? `portal:oidc:${login.oidcSubject}` : `portal:${maskPhone(login.phone) ?? '?'}`
}

/** Every portal login, opened or refused, is an audit row in the transaction that decided it. */
export async function auditPortalLogin(trx: Transaction<Database>, login: PortalLogin): Promise<void> {
  await writeAudit(trx, {
    actor: portalLoginActor(login),
    ip: login.ip,
    action: login.failure === null ? 'portal.login' : 'portal.login_failed',
    entity: 'portal_session',
    entityId: login.sessionRef ?? null,
    summary: {
      method: login.method,
      ...(login.failure !== null ? { reason: login.failure } : {}),
      ...(login.phoneVerified !== undefined ? { phone_verified: login.phoneVerified } : {}),
    },
  })
}
