import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { startOidcProvider, type LocalOidcProvider } from '../support/oidc-provider.js'
import { base64, BIRTH_REGISTRATION, lastCodeSentTo, loadPortalDistrict, onePagePdf, portalSessionFor } from '../support/portal-citizen.js'

const PUBLIC_BASE_URL = 'https://dichvucong.haiduong.example'
const CALLBACK = `${PUBLIC_BASE_URL}/api/v1/public/oidc/callback`
/** The victim: a citizen who submitted with her own phone, proved by a one-time code. */
const VICTIM_PHONE = '0912000111'

/** What the provider holds: one account whose phone it verified, others whose phone the user typed in. */
const ACCOUNTS: Record<string, Record<string, unknown>> = {
  'CCCD-030090000001': { name: 'Trần Thị Bích', phone_number: '+84912000222', phone_number_verified: true },
  'CCCD-030090000002': { name: 'Lê Văn Cường', phone_number: '+84912000111', phone_number_verified: false },
  'CCCD-030090000003': { name: 'Phạm Văn Dũng', phone_number: '+84912000111' },
  'CCCD-030090000004': { name: 'Đỗ Thị Hà' },
}

let handle: DatabaseHandle
let app: FastifyInstance
let provider: LocalOidcProvider
let victimDossier: string
let pdf: Buffer

beforeAll(async () => {
  provider = await startOidcProvider(CALLBACK, (id) => ACCOUNTS[id] ?? {})
  ;({ handle, app } = await startApiServer({ portal: { publicBaseUrl: PUBLIC_BASE_URL, oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret } } }))
  await loadPortalDistrict(handle)
  pdf = await onePagePdf('To khai')
  const victim = await portalSessionFor(app, handle, VICTIM_PHONE)
  victimDossier = (await submit(victim, { name: 'Nguyễn Thị Lan' })).json().code
})
afterAll(async () => {
  await stopApiServer({ handle, app })
  await provider.close()
})

function submit(session: string, applicant: object) {
  return app.inject({
    method: 'POST', url: '/api/v1/public/dossiers', headers: { 'x-portal-session': session },
    payload: { procedure_code: BIRTH_REGISTRATION, unit: 'H23.07.02', applicant, components: [1, 2].map((position) => ({ position, file_name: `tp${position}.pdf`, content_base64: base64(pdf) })) },
  })
}

/** Logs in at the provider as `account` and comes back through the portal's callback: the session's token and phone. */
async function logIn(account: string): Promise<{ token: string; phone: string | null }> {
  const start = await app.inject('/api/v1/public/oidc/login?return_to=%2Fcong-dich-vu%2F')
  const back = await provider.signIn(start.headers.location as string, account)
  const callback = await app.inject({ url: back.pathname + back.search, remoteAddress: '198.51.100.20' })
  expect(callback.statusCode).toBe(302)
  return JSON.parse(Buffer.from((callback.headers.location as string).split('#phien=')[1]!, 'base64url').toString()) as { token: string; phone: string | null }
}

const feedbackOn = (code: string, session: string) =>
  app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${encodeURIComponent(code)}/feedback`, headers: { 'x-portal-session': session }, payload: { content: 'Hồ sơ của tôi sao chưa có kết quả?' } })
const smsTo = (phone: string) => handle.db.selectFrom('outbox_messages').select(['topic', 'body']).where('channel', '=', 'sms').where('recipient', '=', phone).execute()

describe('an OIDC login’s phone counts only when the provider verified it', () => {
  it('takes the phone the provider verified', async () => {
    const session = await logIn('CCCD-030090000001')
    expect(session.phone).toBe('0912000222')
  })

  it('ignores a phone the provider did not verify (false or not said): the victim’s dossier stays out of reach', async () => {
    for (const account of ['CCCD-030090000002', 'CCCD-030090000003']) {
      const session = await logIn(account)
      expect(session.phone, account).toBeNull()
      const stored = await handle.db.selectFrom('portal_sessions').select(['phone', 'oidc_subject']).where('oidc_subject', '=', account).executeTakeFirstOrThrow()
      expect(stored).toEqual({ phone: null, oidc_subject: account })
      const reached = await feedbackOn(victimDossier, session.token)
      expect(reached.statusCode, account).toBe(404)
      expect(reached.json().message).toBe(`Không tìm thấy hồ sơ ${victimDossier} của ông/bà`)
    }
  })
})

describe('a contact phone typed on an OIDC submission without a verified phone', () => {
  it('is kept on the dossier for the desk, but gets no SMS and no right to the dossier; the login itself keeps it', async () => {
    const typed = '0987654321'
    const session = await logIn('CCCD-030090000004')
    const submitted = await submit(session.token, { name: 'Đỗ Thị Hà', phone: typed, email: 'ha.do@example.vn' })
    expect(submitted.statusCode).toBe(200)
    const code = submitted.json().code as string
    const stored = await handle.db.selectFrom('dossiers as d').innerJoin('portal_submissions as s', 's.dossier_id', 'd.id')
      .select(['d.applicant_phone', 's.phone', 's.oidc_subject']).where('d.code', '=', code).executeTakeFirstOrThrow()
    expect(stored).toEqual({ applicant_phone: typed, phone: null, oidc_subject: 'CCCD-030090000004' })
    expect(await smsTo(typed)).toEqual([])
    const emails = await handle.db.selectFrom('outbox_messages').select('topic').where('recipient', '=', 'ha.do@example.vn').execute()
    expect(emails).toEqual([{ topic: 'dossier.receive' }])

    // Whoever proves the typed phone later does not get the dossier; the OIDC login does.
    const typedPhoneOwner = await portalSessionFor(app, handle, typed)
    expect((await feedbackOn(code, typedPhoneOwner)).statusCode).toBe(404)
    expect((await feedbackOn(code, session.token)).statusCode).toBe(200)
  })

  it('is still required, so the desk can call the applicant', async () => {
    const session = await logIn('CCCD-030090000004')
    const answer = await submit(session.token, { name: 'Đỗ Thị Hà' })
    expect(answer.statusCode).toBe(400)
    expect(answer.json().message).toBe('Cần số điện thoại để nhận thông báo về hồ sơ')
  })
})

describe('portal logins in the audit log', () => {
  const rows = (action: string) => handle.db.selectFrom('audit_log').select(['actor', 'ip', 'entity_id', 'summary']).where('action', '=', action).orderBy('id').execute()

  it('writes each OIDC login with its subject, address and whether the phone was verified', async () => {
    const logins = (await rows('portal.login')).filter((r) => r.actor.startsWith('portal:oidc:'))
    expect(logins).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: 'portal:oidc:CCCD-030090000001', ip: '198.51.100.20', summary: { method: 'oidc', phone_verified: true } }),
      expect.objectContaining({ actor: 'portal:oidc:CCCD-030090000002', ip: '198.51.100.20', summary: { method: 'oidc', phone_verified: false } }),
    ]))
    expect(logins.every((r) => typeof r.entity_id === 'string' && r.entity_id.length === 16)).toBe(true)
  })

  it('writes one-time-code logins, opened and refused, with the phone masked', async () => {
    const phone = '0912000333'
    expect((await app.inject({ method: 'POST', url: '/api/v1/public/otp', payload: { phone }, remoteAddress: '198.51.100.30' })).statusCode).toBe(200)
    const right = await lastCodeSentTo(handle, phone)
    const wrong = right === '000000' ? '111111' : '000000'
    const refused = await app.inject({ method: 'POST', url: '/api/v1/public/otp/verify', payload: { phone, code: wrong }, remoteAddress: '198.51.100.30' })
    expect(refused.statusCode).toBe(400)
    const opened = await app.inject({ method: 'POST', url: '/api/v1/public/otp/verify', payload: { phone, code: right }, remoteAddress: '198.51.100.30' })
    expect(opened.statusCode).toBe(200)

    const mine = async (action: string) => (await rows(action)).filter((r) => r.actor === 'portal:091****333')
    expect(await mine('portal.login_failed')).toEqual([expect.objectContaining({ ip: '198.51.100.30', summary: { method: 'otp', reason: 'wrong' } })])
    expect(await mine('portal.login')).toEqual([expect.objectContaining({ ip: '198.51.100.30', summary: { method: 'otp' } })])
    const all = [...(await rows('portal.login')), ...(await rows('portal.login_failed'))]
    expect(all.some((r) => JSON.stringify(r).includes(phone) || JSON.stringify(r).includes(VICTIM_PHONE))).toBe(false)
  })
})
