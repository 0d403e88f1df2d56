import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { tempDir } from '../support/files.js'

let handle: DatabaseHandle
let app: FastifyInstance
let provinceAdmin: SignedIn
let districtMonitor: SignedIn
let communeOfficer: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
  await loadSmallDistrict(handle, [])
  provinceAdmin = await signIn(app, handle, 'system_admin', 'H23')
  districtMonitor = await signIn(app, handle, 'monitor', 'H23.07')
  communeOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const publication = {
  decision_number: '120/QĐ-UBND', decided_on: '2022-04-27', legal_basis_effective_on: '2022-05-06', made_public_on: '2022-04-28',
  national_db_updated_on: '2022-05-05', all_parts_published: true, uses_population_data: true, payment_integrated: true,
}

describe('the publication of a procedure through the API', () => {
  it('starts unknown; the province records it for the current version, audited', async () => {
    expect((await communeOfficer.inject('/api/v1/procedures/1.001193/publication')).json()).toMatchObject({ version: 1, decided_on: null, uses_population_data: null, payment_integrated: null })
    const response = await provinceAdmin.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: publication })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ code: '1.001193', version: 1, ...publication })
    const audit = await handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'procedure.publication').execute()
    expect(audit).toEqual([{ action: 'procedure.publication', entity_id: '1.001193' }])
  })

  it('below the province it is refused (403), and without import:write too', async () => {
    const district = await districtMonitor.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: { ...publication, uses_population_data: false } })
    expect(district.statusCode).toBe(403)
    expect(district.json().message).toBe('Chỉ tài khoản cấp tỉnh được thay đổi việc công bố, công khai thủ tục hành chính của cả tỉnh')
    // The district holds import:write, so only the root check stands between it and the body: it must come first.
    expect((await districtMonitor.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: { decided_on: 'x' } })).statusCode).toBe(403)
    expect((await communeOfficer.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: publication })).statusCode).toBe(403)
    // Refused before the body is even read: a malformed one gets 403 too, not a lesson in what a valid one looks like.
    expect((await communeOfficer.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: { decided_on: 'x' } })).statusCode).toBe(403)
    expect((await communeOfficer.inject('/api/v1/procedures/1.001193/publication')).json().uses_population_data).toBe(true)
  })

  it('an impossible date or a national database date before the act is a 400 in Vietnamese', async () => {
    const impossible = await provinceAdmin.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: { ...publication, decided_on: '2022-02-30' } })
    expect(impossible.statusCode).toBe(400)
    expect(impossible.json().message).toMatch(/decided_on: Ngày không tồn tại/)
    const order = await provinceAdmin.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: { ...publication, national_db_updated_on: '2022-04-01' } })
    expect(order.statusCode).toBe(400)
    expect(order.json().message).toBe('Ngày cập nhật CSDL quốc gia trước ngày quyết định công bố')
  })

  it('payment_integrated (3.5 B): the PUT replaces every field, so it must be sent — true, false or null (not known) — and GET gives it back', async () => {
    const { payment_integrated: _left, ...withoutIt } = publication
    const missing = await provinceAdmin.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: withoutIt })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().message).toMatch(/payment_integrated/)
    expect((await communeOfficer.inject('/api/v1/procedures/1.001193/publication')).json().payment_integrated).toBe(true)
    for (const value of [false, null, true]) {
      const put = await provinceAdmin.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: { ...publication, payment_integrated: value } })
      expect(put.statusCode).toBe(200)
      expect(put.json().payment_integrated).toBe(value)
      expect((await communeOfficer.inject('/api/v1/procedures/1.001193/publication')).json()).toEqual({ code: '1.001193', version: 1, ...publication, payment_integrated: value })
    }
    const wrong = await provinceAdmin.inject({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: { ...publication, payment_integrated: 'có' } })
    expect(wrong.statusCode).toBe(400)
    const audit = await handle.db.selectFrom('audit_log').select('summary').where('action', '=', 'procedure.publication').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(audit.summary).toMatchObject({ before: { paymentIntegrated: null }, after: { paymentIntegrated: true } })
  })

  it('an unknown procedure is a 404', async () => {
    expect((await provinceAdmin.inject({ method: 'PUT', url: '/api/v1/procedures/9.999999/publication', payload: publication })).statusCode).toBe(404)
  })

  it('the list gives every procedure with its publication and the 1.1/1.2 verdicts: decided on Wednesday 27/4/2022 for a basis in force on Friday 6/5/2022 — 5 working days before, past the 30/4–3/5 holidays — is on time, and so is the national database on 5/5', async () => {
    const response = await communeOfficer.inject('/api/v1/procedure-publications')
    expect(response.statusCode).toBe(200)
    const list = response.json() as { code: string; published_on_time: boolean | null; national_db_on_time: boolean | null; decided_on: string | null; payment_integrated: boolean | null }[]
    const recorded = list.find((p) => p.code === '1.001193')!
    expect(recorded).toMatchObject({ decided_on: '2022-04-27', published_on_time: true, national_db_on_time: true, payment_integrated: true })
    expect(list.filter((p) => p.code !== '1.001193').every((p) => p.payment_integrated === null)).toBe(true)
    // The others are not known: no verdict is invented.
    expect(list.filter((p) => p.code !== '1.001193').every((p) => p.published_on_time === null && p.national_db_on_time === null)).toBe(true)
    expect(list.map((p) => p.code)).toEqual([...list.map((p) => p.code)].sort())
  })
})
