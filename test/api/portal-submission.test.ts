import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { deliverDueMessages } from '../../src/modules/notifications/deliver-outbox.js'
import { createSmtpTransport } from '../../src/modules/notifications/message-transports.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js'
import { alteredAfterSigning, signedPdf } from '../support/signed-pdf.js'
import { base64, BIRTH_REGISTRATION, BUSINESS_CHANGE, lastCodeSentTo, loadPortalDistrict, onePagePdf, portalSessionFor } from '../support/portal-citizen.js'

const PHONE = '0912345678'
const PUBLIC_BASE_URL = 'https://dichvucong.haiduong.example'

let handle: DatabaseHandle
let app: FastifyInstance
let officer: SignedIn
let sink: SmtpSink
let token: string
let birthForm: Buffer
let birthCertificate: Buffer

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ portal: { publicBaseUrl: PUBLIC_BASE_URL, secret: 'bí-mật-của-cổng-dịch-vụ-công-tỉnh-hải-dương' } }))
  await loadPortalDistrict(handle)
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
  sink = await startSmtpSink()
  birthForm = await onePagePdf('To khai dang ky khai sinh - Nguyen Minh An')
  birthCertificate = await onePagePdf('Giay chung sinh so 123/2026')
})
afterAll(async () => {
  await sink.close()
  await stopApiServer({ handle, app })
})

const submission = (components: object[], overrides: object = {}) => ({
  procedure_code: BIRTH_REGISTRATION,
  unit: 'H23.07.01',
  applicant: { name: 'Nguyễn Văn Bình', address: 'Thôn Lạc Dục, xã An Thanh', email: 'binh.nguyen@example.vn' },
  components,
  ...overrides,
})
const submit = (body: object, session: string | null = token, ip = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/api/v1/public/dossiers', payload: body, headers: session ? { 'x-portal-session': session } : {}, remoteAddress: ip })
const dossierCount = async () => Number((await handle.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const outboxFor = (recipient: string) => handle.db.selectFrom('outbox_messages').selectAll().where('recipient', '=', recipient).orderBy('id').execute()

describe('the public catalogue', () => {
  it('finds birth registration typed without diacritics, with its components, fee, days and the communes that do it', async () => {
    const found = await app.inject('/api/v1/public/procedures?q=dang%20ky%20khai%20sinh')
    expect(found.statusCode).toBe(200)
    expect(found.json().map((p: { code: string }) => p.code)).toEqual([BIRTH_REGISTRATION])
    const details = (await app.inject(`/api/v1/public/procedures/${BIRTH_REGISTRATION}`)).json()
    expect(details).toMatchObject({ name: 'Thủ tục đăng ký khai sinh', online_level: 'full', fee_vnd: 8000, pay_online: true, processing_days: 1 })
    expect(details.components.filter((c: { required: boolean }) => c.required)).toHaveLength(2)
    expect(details.units.map((u: { code: string }) => u.code)).toEqual(['H23.07.01', 'H23.07.02'])
  })
})

describe('a citizen proves their phone with a one-time code', () => {
  it('keeps only a hash of the code, refuses a wrong one, and stops after five wrong tries', async () => {
    const phone = '0987654321'
    expect((await app.inject({ method: 'POST', url: '/api/v1/public/otp', payload: { phone }, remoteAddress: '198.51.100.1' })).statusCode).toBe(200)
    const code = await lastCodeSentTo(handle, phone)
    const stored = await handle.db.selectFrom('portal_otps').select('code_hash').where('phone', '=', phone).executeTakeFirstOrThrow()
    expect(stored.code_hash).not.toContain(code)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const verify = (c: string) => app.inject({ method: 'POST', url: '/api/v1/public/otp/verify', payload: { phone, code: c }, remoteAddress: '198.51.100.1' })
    const first = await verify(wrong)
    expect(first.statusCode).toBe(400)
    expect(first.json().message).toBe('Mã OTP không đúng')
    for (let i = 0; i < 3; i++) await verify(wrong)
    expect((await verify(wrong)).statusCode).toBe(429)
    // Even the right code no longer opens a session: a new code must be asked for.
    const late = await verify(code)
    expect(late.statusCode).toBe(429)
    expect(late.json().message).toBe('Nhập sai mã quá 5 lần; hãy nhận mã mới')
  })

  it('sends a phone at most three codes in fifteen minutes', async () => {
    const phone = '0977000111'
    const ask = () => app.inject({ method: 'POST', url: '/api/v1/public/otp', payload: { phone }, remoteAddress: '198.51.100.2' })
    for (let i = 0; i < 3; i++) expect((await ask()).statusCode).toBe(200)
    expect((await ask()).statusCode).toBe(429)
  })

  it('opens a portal session with the right code', async () => {
    token = await portalSessionFor(app, handle, PHONE)
    expect(token.length).toBeGreaterThan(30)
  })
})

describe('submitting a dossier online', () => {
  it('needs a verified phone', async () => {
    const response = await submit(submission([]), null)
    expect(response.statusCode).toBe(401)
  })

  it('answers at once, naming the component, when a file is not a PDF, unreadable, misnamed, altered after signing or missing — and keeps nothing', async () => {
    const before = await dossierCount()
    const good = { position: 1, file_name: 'to-khai.pdf', content_base64: base64(birthForm) }
    const cases = [
      { file: { position: 2, file_name: 'giay-chung-sinh.pdf', content_base64: base64(Buffer.from('Tôi là văn bản, không phải PDF')) }, message: /Giấy chứng sinh.*không phải PDF/ },
      { file: { position: 2, file_name: 'giay-chung-sinh.pdf', content_base64: base64(birthCertificate.subarray(0, 40)) }, message: /Giấy chứng sinh.*PDF bị hỏng/ },
      { file: { position: 2, file_name: 'giay-chung-sinh.png', content_base64: base64(birthCertificate) }, message: /không khớp với đuôi/ },
      { file: { position: 2, file_name: 'giay-chung-sinh.pdf', content_base64: base64(alteredAfterSigning(await signedPdf('Giay chung sinh da ky so'))) }, message: /Giấy chứng sinh.*chữ ký số không hợp lệ/ },
    ]
    for (const { file, message } of cases) {
      const response = await submit(submission([good, file]))
      expect(response.statusCode).toBe(400)
      expect(response.json().message).toMatch(message)
    }
    const missing = await submit(submission([good]))
    expect(missing.statusCode).toBe(400)
    expect(missing.json().message).toMatch(/chưa đủ thành phần bắt buộc: Giấy chứng sinh/)
    expect(await dossierCount()).toBe(before)
  })

  it('refuses a procedure offered only at the counter, and a unit of another level', async () => {
    const counterOnly = await submit(submission([{ position: 1, file_name: 'de-nghi.pdf', content_base64: base64(birthForm) }], { procedure_code: BUSINESS_CHANGE, unit: 'H23.07' }))
    expect(counterOnly.statusCode).toBe(400)
    expect(counterOnly.json().message).toMatch(/chưa được cung cấp trực tuyến/)
    const district = await submit(submission([], { unit: 'H23.07' }))
    expect(district.json().message).toMatch(/không giải quyết tại Huyện Tứ Kỳ/)
  })

  let code: string
  it('gives the code and the appointment, and the dossier lands in the commune desk queue as online, its files digitized', async () => {
    const response = await submit(submission([
      { position: 1, file_name: 'to-khai.pdf', content_base64: base64(birthForm) },
      { position: 2, file_name: 'giay-chung-sinh.pdf', content_base64: base64(birthCertificate) },
    ]))
    expect(response.statusCode).toBe(200)
    const body = response.json()
    code = body.code
    expect(code).toMatch(/^H23\.07\.01-\d{6}-\d{3}$/)
    expect(new Date(body.due_at).getTime()).toBeGreaterThan(new Date(body.received_at).getTime())
    expect(body.tracking_path).toBe(`/tra-cuu/${code}`)

    const queue = (await officer.inject('/api/v1/dossiers?unit=H23.07.01&queue=to_hand_over')).json()
    const item = queue.items.find((d: { code: string }) => d.code === code)
    expect(item).toMatchObject({ channel: 'online', status: 'received', components_total: 2, components_digitized: 2, procedure_code: BIRTH_REGISTRATION })
    const page = (await officer.inject(`/api/v1/dossiers/${code}`)).json()
    const file = await officer.inject(`/api/v1/dossiers/${code}/components/2/file`)
    expect(file.statusCode).toBe(200)
    expect(Buffer.compare(file.rawPayload, birthCertificate)).toBe(0)
    expect(page.dossier ?? page).toBeTruthy()
  })

  it('tells the applicant of the receipt by SMS and e-mail, with the code, the appointment and the tracking address', async () => {
    const sms = (await outboxFor(PHONE)).filter((m) => m.topic === 'dossier.receive')
    expect(sms).toHaveLength(1)
    expect(sms[0]!.body).toContain(code)
    expect(sms[0]!.body).toContain('Ngày hẹn trả kết quả')
    expect(sms[0]!.body).toContain(`${PUBLIC_BASE_URL}/tra-cuu/${code}`)
    expect(await outboxFor('binh.nguyen@example.vn')).toHaveLength(1)
  })

  it('shows the applicant, by code and phone, each step with its date and the reason of a supplement request, and tells them the reason', async () => {
    const asked = await officer.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/events`, payload: { type: 'request_supplement', reason: 'Giấy chứng sinh bị mờ, cần bản chụp rõ' } })
    expect(asked.statusCode).toBe(200)
    const tracked = await app.inject(`/api/v1/public/dossiers/${code}?phone=0912%20345%20678`)
    expect(tracked.statusCode).toBe(200)
    const body = tracked.json()
    expect(body).toMatchObject({ code, status: 'supplement', status_label: 'Chờ bổ sung', channel: 'online', unit: { name: 'Xã An Thanh' } })
    expect(body.steps.map((s: { type: string }) => s.type)).toEqual(['receive', 'request_supplement'])
    expect(body.steps[1].reason).toBe('Giấy chứng sinh bị mờ, cần bản chụp rõ')
    expect(JSON.stringify(body)).not.toContain('Nguyễn Văn Bình')

    const told = (await outboxFor(PHONE)).filter((m) => m.topic === 'dossier.request_supplement')
    expect(told).toHaveLength(1)
    expect(told[0]!.body).toContain('Giấy chứng sinh bị mờ, cần bản chụp rõ')

    const run = await deliverDueMessages(handle.db, { email: createSmtpTransport(sink.url, 'Một cửa <no-reply@haiduong.example>') })
    expect(run.sent).toBeGreaterThanOrEqual(2)
    const mails = sink.received.filter((m) => m.to.includes('binh.nguyen@example.vn'))
    expect(mails.map((m) => m.subject)).toEqual([`Hồ sơ ${code}: Hồ sơ đã được tiếp nhận`, `Hồ sơ ${code}: Hồ sơ cần bổ sung`])
    expect(mails[1]!.text).toContain('Giấy chứng sinh bị mờ, cần bản chụp rõ')
  })

  it('takes the supplement online: its file checked at once, then the dossier back in processing and the applicant told', async () => {
    const supplement = (file: object) => app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/supplement`, headers: { 'x-portal-session': token }, payload: { components: [file] } })
    const blurred = await supplement({ position: 2, file_name: 'giay-chung-sinh-ro.pdf', content_base64: base64(birthCertificate.subarray(0, 60)) })
    expect(blurred.statusCode).toBe(400)
    expect(blurred.json().message).toMatch(/Giấy chứng sinh.*PDF bị hỏng/)
    const clearer = await onePagePdf('Giay chung sinh - ban chup ro')
    const answered = await supplement({ position: 2, file_name: 'giay-chung-sinh-ro.pdf', content_base64: base64(clearer) })
    expect(answered.statusCode).toBe(200)
    expect(answered.json()).toMatchObject({ status: 'processing' })
    expect(answered.json().steps.map((s: { type: string }) => s.type)).toEqual(['receive', 'request_supplement', 'supplement_received'])
    const file = await officer.inject(`/api/v1/dossiers/${code}/components/2/file`)
    expect(Buffer.compare(file.rawPayload, clearer)).toBe(0)
    expect((await outboxFor(PHONE)).filter((m) => m.topic === 'dossier.supplement_received')).toHaveLength(1)
    const again = await supplement({ position: 2, file_name: 'giay-chung-sinh-ro.pdf', content_base64: base64(clearer) })
    expect(again.statusCode).toBe(409)
    expect(again.json().message).toBe('Hồ sơ không ở trạng thái chờ bổ sung')
  })

  it('answers a wrong phone as an unknown code, and throttles guessing with 429', async () => {
    const guess = (phone: string) => app.inject({ url: `/api/v1/public/dossiers/${code}?phone=${phone}`, remoteAddress: '192.0.2.99' })
    const wrong = await guess('0900000000')
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().message).toBe('Không tìm thấy hồ sơ với mã và số điện thoại đã nhập')
    for (let i = 1; i < 10; i++) expect((await guess(`09000000${String(i).padStart(2, '0')}`)).statusCode).toBe(404)
    expect((await guess(PHONE)).statusCode).toBe(429)
    // Another address is not held back.
    expect((await app.inject({ url: `/api/v1/public/dossiers/${code}?phone=${PHONE}`, remoteAddress: '192.0.2.100' })).statusCode).toBe(200)
  })
})
