import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { configuredPayments, type ConfiguredPayments } from '../../src/modules/portal/payments/configured-gateway.js'
import { reconcilePayments } from '../../src/modules/portal/payments/reconcile-payments.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { base64, BIRTH_FEE_VND, BIRTH_REGISTRATION, loadPortalDistrict, onePagePdf, portalSessionFor } from '../support/portal-citizen.js'

const PHONE = '0933111222'
const PUBLIC_BASE_URL = 'https://dichvucong.haiduong.example'
const notices = { publicBaseUrl: PUBLIC_BASE_URL }

let handle: DatabaseHandle
let app: FastifyInstance
let payments: ConfiguredPayments
let officer: SignedIn
let leader: SignedIn
let token: string

beforeAll(async () => {
  payments = configuredPayments({ sandbox: true })
  ;({ handle, app } = await startApiServer({ portal: { publicBaseUrl: PUBLIC_BASE_URL, payments } }))
  await loadPortalDistrict(handle)
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
  leader = await signIn(app, handle, 'leader', 'H23.07.01')
  token = await portalSessionFor(app, handle, PHONE)
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

async function submitBirthRegistration(): Promise<string> {
  const pdf = await onePagePdf('To khai dang ky khai sinh')
  const response = await app.inject({
    method: 'POST', url: '/api/v1/public/dossiers', headers: { 'x-portal-session': token },
    payload: { procedure_code: BIRTH_REGISTRATION, unit: 'H23.07.01', applicant: { name: 'Trần Thị Lan' }, components: [1, 2].map((position) => ({ position, file_name: `tp-${position}.pdf`, content_base64: base64(pdf) })) },
  })
  expect(response.statusCode).toBe(200)
  return response.json().code
}
const startPaying = async (code: string) => {
  const response = await app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/payment`, headers: { 'x-portal-session': token } })
  expect(response.statusCode).toBe(200)
  return response.json() as { txn_ref: string; redirect_url: string }
}
const paymentRateToday = async () => {
  const today = toVietnamDate(new Date())
  const response = await leader.inject(`/api/v1/indicators?unit=H23.07.01&from=${today}&to=${today}`)
  const { numerator, denominator } = response.json().rows[0].indicators.online_payment_rate
  return { numerator, denominator }
}
const smsTopics = async () => (await handle.db.selectFrom('outbox_messages').select(['topic', 'body']).where('recipient', '=', PHONE).orderBy('id').execute())
const track = async (code: string) => (await app.inject(`/api/v1/public/dossiers/${code}?phone=${PHONE}`)).json()

describe('paying a dossier’s fee online through the gateway sandbox', () => {
  let code: string
  let ipnQuery: string

  it('sends the citizen to the gateway with a signed request the gateway checks', async () => {
    code = await submitBirthRegistration()
    expect((await track(code)).can_pay_online).toBe(true)
    const { redirect_url } = await startPaying(code)
    expect(redirect_url).toMatch(/^\/sandbox-payment\/pay\?/)
    const page = await app.inject(redirect_url)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('8.000 đồng')
    const forged = await app.inject(redirect_url.replace(`vnp_Amount=${BIRTH_FEE_VND * 100}`, 'vnp_Amount=100'))
    expect(forged.statusCode).toBe(400)
    expect(forged.body).toContain('Sai chữ ký')
  })

  it('marks the dossier paid online when the gateway’s signed IPN comes, tells the applicant, and moves the payment rate by exactly this dossier', async () => {
    const before = await paymentRateToday()
    const { redirect_url } = await startPaying(code)
    const params = new URLSearchParams(redirect_url.split('?')[1])
    params.set('sandbox_outcome', 'pay')
    const completed = await app.inject(`/sandbox-payment/complete?${params.toString()}`)
    expect(completed.statusCode).toBe(302)
    const back = new URL(completed.headers.location as string)
    expect(`${back.origin}${back.pathname}`).toBe(`${PUBLIC_BASE_URL}/cong-dich-vu/thanh-toan`)
    ipnQuery = back.search.slice(1)

    const tracked = await track(code)
    expect(tracked).toMatchObject({ paid: true, paid_online: true, can_pay_online: false })
    const page = (await officer.inject(`/api/v1/dossiers/${code}`)).json()
    expect(JSON.stringify(page)).toContain('"paid_online":true')
    expect(await paymentRateToday()).toEqual({ numerator: before.numerator + 1, denominator: before.denominator })
    const paidNotices = (await smsTopics()).filter((m) => m.topic === 'dossier.paid')
    expect(paidNotices).toHaveLength(1)
    expect(paidNotices[0]!.body).toContain('8.000 đồng')

    const returned = await app.inject(`/api/v1/public/payments/return?${ipnQuery}`)
    expect(returned.json()).toMatchObject({ dossier_code: code, status: 'paid', amount_vnd: BIRTH_FEE_VND, message: 'Thanh toán thành công' })
  })

  it('applies a repeated IPN once, and refuses a forged one', async () => {
    const again = await app.inject(`/api/v1/public/payments/ipn?${ipnQuery}`)
    expect(again.json()).toEqual({ RspCode: '02', Message: 'Order already confirmed' })
    expect((await smsTopics()).filter((m) => m.topic === 'dossier.paid')).toHaveLength(1)
    const forged = await app.inject(`/api/v1/public/payments/ipn?${ipnQuery.replace(/vnp_Amount=\d+/, 'vnp_Amount=1')}`)
    expect(forged.json()).toEqual({ RspCode: '97', Message: 'Invalid signature' })
    const paid = await handle.db.selectFrom('portal_payments').select('status').where('status', '=', 'paid').execute()
    expect(paid).toHaveLength(1)
  })

  it('refuses a gateway notice, correctly signed, for another amount than the fee', async () => {
    const other = await submitBirthRegistration()
    const { redirect_url } = await startPaying(other)
    const params = Object.fromEntries(new URLSearchParams(redirect_url.split('?')[1]))
    const { ipnQuery: underpaid } = payments.sandbox!.complete({ ...params, vnp_Amount: String(1_000 * 100) }, true)
    const answer = await app.inject(`/api/v1/public/payments/ipn?${underpaid}`)
    expect(answer.json()).toEqual({ RspCode: '04', Message: 'Invalid amount' })
    expect(await track(other)).toMatchObject({ paid: false })
  })

  it('refuses a second payment of a paid dossier', async () => {
    const response = await app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/payment`, headers: { 'x-portal-session': token } })
    expect(response.statusCode).toBe(409)
    expect(response.json().message).toBe('Hồ sơ đã nộp phí, lệ phí')
  })
})

describe('reconciliation with the gateway', () => {
  let code: string

  it('settles a payment whose IPN was lost, by asking the gateway', async () => {
    code = await submitBirthRegistration()
    const { redirect_url } = await startPaying(code)
    // The citizen paid, but the gateway's notice never reached motcua.
    payments.sandbox!.complete(Object.fromEntries(new URLSearchParams(redirect_url.split('?')[1])), true)
    expect((await track(code)).paid).toBe(false)
    const early = await reconcilePayments(handle.db, payments.gateway!, notices)
    expect(early.settled).toBe(0)
    const later = await reconcilePayments(handle.db, payments.gateway!, notices, new Date(Date.now() + 20 * 60_000))
    expect(later.settled).toBe(1)
    expect(await track(code)).toMatchObject({ paid: true, paid_online: true })
  })

  it('refunds the fee of a dossier the commune refuses, once, and tells the applicant', async () => {
    const refused = await officer.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/events`, payload: { type: 'reject', reason: 'Người yêu cầu không thuộc diện đăng ký tại xã' } })
    expect(refused.statusCode).toBe(200)
    const first = await reconcilePayments(handle.db, payments.gateway!, notices)
    expect(first.refunded).toBe(1)
    const second = await reconcilePayments(handle.db, payments.gateway!, notices)
    expect(second.refunded).toBe(0)
    const tracked = await track(code)
    expect(tracked).toMatchObject({ status: 'rejected', refunded: true })
    expect(tracked.steps.at(-1).reason).toBe('Người yêu cầu không thuộc diện đăng ký tại xã')
    const refunds = (await smsTopics()).filter((m) => m.topic === 'dossier.refunded')
    expect(refunds).toHaveLength(1)
    expect(refunds[0]!.body).toContain('hoàn lại 8.000 đồng')
    const txn = await handle.db.selectFrom('portal_payments as pp').innerJoin('dossiers as d', 'd.id', 'pp.dossier_id').select('pp.txn_ref').where('d.code', '=', code).where('pp.status', '=', 'refunded').executeTakeFirstOrThrow()
    expect(payments.sandbox!.transactionOf(txn.txn_ref)?.status).toBe('refunded')
  })
})
