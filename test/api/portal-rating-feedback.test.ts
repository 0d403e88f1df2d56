import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { toVietnamDate } from '../../src/domain/time/vietnam-time.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { base64, BIRTH_REGISTRATION, loadPortalDistrict, onePagePdf, portalSessionFor } from '../support/portal-citizen.js'

const PHONE = '0944555666'

let handle: DatabaseHandle
let app: FastifyInstance
let officer: SignedIn
let leader: SignedIn
let token: string
let code: string

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadPortalDistrict(handle)
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
  leader = await signIn(app, handle, 'leader', 'H23.07.01')
  token = await portalSessionFor(app, handle, PHONE)
  const pdf = await onePagePdf('To khai')
  const submitted = await app.inject({
    method: 'POST', url: '/api/v1/public/dossiers', headers: { 'x-portal-session': token },
    payload: { procedure_code: BIRTH_REGISTRATION, unit: 'H23.07.01', applicant: { name: 'Lê Thị Mai' }, components: [1, 2].map((position) => ({ position, file_name: `tp${position}.pdf`, content_base64: base64(pdf) })) },
  })
  code = submitted.json().code
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const rate = (rating: string, session = token) => app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/rating`, headers: { 'x-portal-session': session }, payload: { rating } })
const satisfactionToday = async () => {
  const today = toVietnamDate(new Date())
  const { numerator, denominator } = (await leader.inject(`/api/v1/indicators?unit=H23.07.01&from=${today}&to=${today}`)).json().rows[0].indicators.satisfaction_rate
  return { numerator, denominator }
}

describe('the applicant rates the dossier and gives feedback from the portal', () => {
  it('may rate only after the result was handed back', async () => {
    const early = await rate('satisfied')
    expect(early.statusCode).toBe(409)
    expect(early.json().message).toBe('Chỉ đánh giá được sau khi đã nhận kết quả')
  })

  it('rates once, and the commune’s satisfaction figure counts exactly this dossier', async () => {
    for (const type of ['hand_over', 'finish', 'return']) {
      // The fee is not the subject here: the officer confirms the return as the desk asks.
      const step = await officer.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/events`, payload: { type, ...(type === 'return' ? { confirm_unpaid_fee: true } : {}) } })
      expect(step.statusCode, step.body).toBe(200)
    }
    const before = await satisfactionToday()
    const stranger = await portalSessionFor(app, handle, '0944000111')
    expect((await rate('dissatisfied', stranger)).statusCode).toBe(404)
    const rated = await rate('very_satisfied')
    expect(rated.statusCode).toBe(200)
    expect(await satisfactionToday()).toEqual({ numerator: before.numerator + 1, denominator: before.denominator + 1 })
    expect((await rate('dissatisfied')).statusCode).toBe(409)
    const tracked = (await app.inject(`/api/v1/public/dossiers/${code}?phone=${PHONE}`)).json()
    expect(tracked).toMatchObject({ rating: 'very_satisfied', can_rate: false, status: 'returned' })
  })

  it('sends feedback received by the dossier’s commune, online, naming the dossier', async () => {
    const sent = await app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/feedback`, headers: { 'x-portal-session': token }, payload: { content: 'Cán bộ tiếp nhận hướng dẫn rất nhiệt tình, cảm ơn xã.' } })
    expect(sent.statusCode).toBe(200)
    const feedbackCode = sent.json().feedback_code
    expect(feedbackCode).toMatch(/^H23\.07\.01-PA-\d{6}-\d{3}$/)
    const item = await handle.db.selectFrom('feedback').selectAll().where('code', '=', feedbackCode).executeTakeFirstOrThrow()
    expect(item).toMatchObject({ channel: 'online', dossier_code: code, procedure_code: BIRTH_REGISTRATION })
    const listed = await officer.inject('/api/v1/feedback?unit=H23.07.01')
    expect(listed.body).toContain(feedbackCode)
  })
})
