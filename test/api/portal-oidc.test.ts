import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { CITIZEN_CLAIMS, startOidcProvider, type LocalOidcProvider } from '../support/oidc-provider.js'
import { base64, BIRTH_REGISTRATION, loadPortalDistrict, onePagePdf } from '../support/portal-citizen.js'

const PUBLIC_BASE_URL = 'https://dichvucong.haiduong.example'
const CALLBACK = `${PUBLIC_BASE_URL}/api/v1/public/oidc/callback`

let handle: DatabaseHandle
let app: FastifyInstance
let provider: LocalOidcProvider

beforeAll(async () => {
  provider = await startOidcProvider(CALLBACK)
  ;({ handle, app } = await startApiServer({ portal: { publicBaseUrl: PUBLIC_BASE_URL, oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret } } }))
  await loadPortalDistrict(handle)
})
afterAll(async () => {
  await stopApiServer({ handle, app })
  await provider.close()
})

/** The browser's way: the portal's login, the provider's pages, back to the portal's callback. */
async function logInAtProvider(returnTo: string) {
  const start = await app.inject(`/api/v1/public/oidc/login?return_to=${encodeURIComponent(returnTo)}`)
  expect(start.statusCode).toBe(302)
  const authorization = new URL(start.headers.location as string)
  expect(authorization.origin).toBe(provider.issuer)
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
  const back = await provider.signIn(authorization.href, 'CCCD-030090001234')
  return back
}

describe('logging in to the portal with OpenID Connect', () => {
  it('opens a portal session for the provider’s subject with its name and phone, and submits under it', async () => {
    const back = await logInAtProvider('/cong-dich-vu/thu-tuc/1.001193')
    const callback = await app.inject(back.pathname + back.search)
    expect(callback.statusCode).toBe(302)
    const location = callback.headers.location as string
    expect(location.startsWith('/cong-dich-vu/thu-tuc/1.001193#phien=')).toBe(true)
    const session = JSON.parse(Buffer.from(location.split('#phien=')[1]!, 'base64url').toString()) as { token: string; phone: string }
    expect(session.phone).toBe('0912888777')

    const pdf = await onePagePdf('To khai')
    const submitted = await app.inject({
      method: 'POST', url: '/api/v1/public/dossiers', headers: { 'x-portal-session': session.token },
      payload: { procedure_code: BIRTH_REGISTRATION, unit: 'H23.07.02', applicant: { name: CITIZEN_CLAIMS.name }, components: [1, 2].map((position) => ({ position, file_name: `tp${position}.pdf`, content_base64: base64(pdf) })) },
    })
    expect(submitted.statusCode).toBe(200)
    const code = submitted.json().code
    const stored = await handle.db.selectFrom('portal_submissions as s').innerJoin('dossiers as d', 'd.id', 's.dossier_id').select(['s.oidc_subject', 's.phone', 'd.population_data_used', 'd.channel']).where('d.code', '=', code).executeTakeFirstOrThrow()
    expect(stored).toEqual({ oidc_subject: 'CCCD-030090001234', phone: '0912888777', population_data_used: true, channel: 'online' })
  })

  it('uses a login’s state once: the same answer replayed, or a made-up state, opens nothing', async () => {
    const back = await logInAtProvider('/tra-cuu/H23.07.01-261126-001')
    expect((await app.inject(back.pathname + back.search)).statusCode).toBe(302)
    const replayed = await app.inject(back.pathname + back.search)
    expect(replayed.statusCode).toBe(400)
    expect(replayed.json().message).toBe('Phiên đăng nhập đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại')
    const forged = new URL(back)
    forged.searchParams.set('state', 'trang-thai-gia-mao-0123456789')
    expect((await app.inject(forged.pathname + forged.search)).statusCode).toBe(400)
  })

  it('sends the browser back only to the portal’s own pages', async () => {
    const back = await logInAtProvider('https://ke-gian.example/lay-phien')
    const callback = await app.inject(back.pathname + back.search)
    expect((callback.headers.location as string).startsWith('/cong-dich-vu/#phien=')).toBe(true)
  })

  it('says when no provider is configured', async () => {
    const bare = await startApiServer()
    const answer = await bare.app.inject('/api/v1/public/oidc/login')
    expect(answer.statusCode).toBe(409)
    expect((await bare.app.inject('/api/v1/public/portal-settings')).json()).toEqual({ oidc_login: false, online_payment: false })
    await stopApiServer(bare)
  })
})
