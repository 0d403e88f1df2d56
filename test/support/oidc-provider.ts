import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

export interface LocalOidcProvider {
  issuer: string
  clientId: string
  clientSecret: string
  /** Signs in as `accountId` at the provider, starting from its authorization address; returns where the provider sends the browser back. */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>
  close(): Promise<void>
}

/** A citizen's identity as the provider holds it (what VNeID would release with the phone scope). */
export const CITIZEN_CLAIMS = { name: 'Hoàng Văn An', phone_number: '+84912888777', phone_number_verified: true }

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, with one confidential
 * client for the portal and its development login pages, driven over HTTP like a browser.
 * Every account has CITIZEN_CLAIMS unless `claimsOf` says what the provider holds for it.
 */
export async function startOidcProvider(redirectUri: string, claimsOf: (accountId: string) => Record<string, unknown> = () => CITIZEN_CLAIMS): Promise<LocalOidcProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clientId = 'motcua-cong-dich-vu'
  const clientSecret = 'bi-mat-cua-ung-dung-cong-dich-vu-cong-tinh'
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['name'], phone: ['phone_number', 'phone_number_verified'] },
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id, ...claimsOf(id) }) }),
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Grant: 3600, Interaction: 600, Session: 3600 },
  })
  server.on('request', provider.callback())

  const cookies = new Map<string, string>()
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return response
  }

  return {
    issuer,
    clientId,
    clientSecret,
    async signIn(authorizationUrl, accountId) {
      // A fresh browser each time: the provider's own session would otherwise sign the last account in again.
      cookies.clear()
      let url = new URL(authorizationUrl)
      for (let hops = 0; hops < 20; hops++) {
        if (url.href.startsWith(redirectUri)) return url
        const response = await request(url.href)
        if (response.status >= 300 && response.status < 400) {
          url = new URL(response.headers.get('location')!, url)
          continue
        }
        // A development login or consent page: submit it as the person would.
        const html = await response.text()
        const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1]
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]
        if (!prompt || !action) throw new Error(`unexpected provider page at ${url.href}: ${response.status}`)
        const body = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: accountId, password: 'khong-kiem-tra' } : {}) })
        const submitted = await request(new URL(action, url).href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() })
        url = new URL(submitted.headers.get('location')!, url)
      }
      throw new Error('too many redirects at the provider')
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
