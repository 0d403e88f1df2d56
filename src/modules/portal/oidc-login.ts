import * as client from 'openid-client'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { normalisePhone } from './one-time-code.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { auditPortalLogin } from './portal-login-audit.js'
import { openPortalSession } from './portal-sessions.js'

export interface OidcSettings {
  /** The identity provider (VNeID, or the province's), discovered from its /.well-known/openid-configuration. */
  issuer: string
  clientId: string
  clientSecret: string
  /** This server's callback, as registered with the provider: <public address>/api/v1/public/oidc/callback. */
  redirectUri: string
}

/** A login must come back within ten minutes. */
const LOGIN_TTL_MS = 10 * 60_000

/** Where a login may send the citizen back to: the portal's own pages only (no open redirect). */
export function safeReturnPath(path: string | undefined): string {
  return path && /^\/(cong-dich-vu|tra-cuu)(\/[^\s\\]*)?$/.test(path) && !path.startsWith('//') ? path : '/cong-dich-vu/'
}

/**
 * OpenID Connect login (authorization code with PKCE, state and nonce) through openid-client:
 * the state, nonce and verifier wait in the database between the redirect and the callback,
 * used once; the provider's user info (subject, name, phone) opens a portal session.
 */
export class OidcLogin {
  private configuration: Promise<client.Configuration> | null = null

  constructor(private readonly settings: OidcSettings) {}

  private discover(): Promise<client.Configuration> {
    const insecure = this.settings.issuer.startsWith('http://')
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, insecure ? { execute: [client.allowInsecureRequests] } : {})
      .catch((error: unknown) => {
        this.configuration = null
        throw new AppError(ErrorCode.unavailable, `oidc discovery failed: ${String(error)}`, 'Không kết nối được hệ thống định danh; hãy thử lại sau hoặc xác thực bằng số điện thoại')
      })
    return this.configuration
  }

  /** The provider's address to send the browser to. */
  async begin(db: Kysely<Database>, returnTo: string | undefined, now = new Date()): Promise<URL> {
    const config = await this.discover()
    const state = client.randomState()
    const nonce = client.randomNonce()
    const codeVerifier = client.randomPKCECodeVerifier()
    await db.deleteFrom('portal_oidc_logins').where('expires_at', '<', now).execute()
    await db.insertInto('portal_oidc_logins').values({ state, nonce, code_verifier: codeVerifier, return_to: safeReturnPath(returnTo), expires_at: new Date(now.getTime() + LOGIN_TTL_MS) }).execute()
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid profile phone',
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    })
  }

  /**
   * The provider's answer: checked (state, nonce, PKCE, the ID token), then a portal session for
   * its subject, audited. The phone counts only when the provider says it verified it
   * (`phone_number_verified: true`): a phone a user may type into their profile would let them
   * act on anyone's dossiers. Otherwise the session acts by the OIDC subject alone.
   */
  async finish(db: Kysely<Database>, callbackUrl: URL, ip: string | null, now = new Date()) {
    const state = callbackUrl.searchParams.get('state') ?? ''
    const login = await db.deleteFrom('portal_oidc_logins').where('state', '=', state).returningAll().executeTakeFirst()
    if (!login || new Date(login.expires_at).getTime() <= now.getTime()) {
      throw new AppError(ErrorCode.validation, 'unknown or expired oidc state', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại')
    }
    const config = await this.discover()
    const tokens = await client
      .authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: login.code_verifier, expectedState: login.state, expectedNonce: login.nonce, idTokenExpected: true })
      .catch((error: unknown) => {
        throw new AppError(ErrorCode.unauthenticated, `oidc code grant failed: ${String(error)}`, 'Đăng nhập không thành công; hãy thử lại')
      })
    const subject = tokens.claims()!.sub
    const info = await client.fetchUserInfo(config, tokens.access_token, subject)
    const phoneVerified = info.phone_number_verified === true
    const phone = phoneVerified && typeof info.phone_number === 'string' ? normalisePhone(info.phone_number) : null
    const fullName = typeof info.name === 'string' ? info.name.slice(0, 200) : null
    const session = await db.transaction().execute(async (trx) => {
      const opened = await openPortalSession(trx, { phone, oidcSubject: subject, fullName }, now)
      await auditPortalLogin(trx, { method: 'oidc', phone, oidcSubject: subject, ip, failure: null, sessionRef: opened.sessionRef, phoneVerified })
      return opened
    })
    return { token: session.token, expiresAt: session.expiresAt, phone, fullName, returnTo: login.return_to }
  }
}
