import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { BIRTH_REGISTRATION, loadPortalDistrict } from '../support/portal-citizen.js'

let handle: DatabaseHandle
let app: FastifyInstance
let anThanh: SignedIn
let quangTrung: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadPortalDistrict(handle)
  anThanh = await signIn(app, handle, 'officer', 'H23.07.01')
  quangTrung = await signIn(app, handle, 'officer', 'H23.07.02')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

async function receive(officer: SignedIn, unit: string, receivedAt?: string): Promise<string> {
  const response = await officer.inject({
    method: 'POST', url: '/api/v1/dossiers',
    payload: { unit, procedure_code: BIRTH_REGISTRATION, applicant: { name: 'Phạm Văn Cường' }, channel: 'direct', received_components: [1, 2], ...(receivedAt ? { received_at: receivedAt } : {}) },
  })
  expect(response.statusCode).toBe(200)
  return response.json().code
}
const step = (officer: SignedIn, code: string, type: string, reason?: string) =>
  officer.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/events`, payload: { type, ...(reason ? { reason } : {}) } })

describe('dossiers stuck at the desk', () => {
  it('lists the dossiers in the unit’s hands with no step for three working days, with the official holding them', async () => {
    const forgotten = await receive(anThanh, 'H23.07.01', '2022-10-03T09:00:00+07:00')
    const movedToday = await receive(anThanh, 'H23.07.01', '2022-10-03T10:00:00+07:00')
    expect((await step(anThanh, movedToday, 'hand_over')).statusCode).toBe(200)
    const waitingForApplicant = await receive(anThanh, 'H23.07.01', '2022-10-03T11:00:00+07:00')
    const askedToday = await step(anThanh, waitingForApplicant, 'request_supplement', 'Thiếu bản sao giấy chứng sinh')
    expect(askedToday.statusCode).toBe(200)
    const fresh = await receive(anThanh, 'H23.07.01')
    const otherCommune = await receive(quangTrung, 'H23.07.02', '2022-10-03T09:00:00+07:00')

    const response = await anThanh.inject('/api/v1/dossiers-stuck?unit=H23.07.01')
    expect(response.statusCode).toBe(200)
    const stuck = response.json()
    expect(stuck.map((d: { code: string }) => d.code)).toEqual([forgotten])
    expect(stuck[0]).toMatchObject({ status: 'received', last_step: 'receive', holder: `user:${anThanh.username}` })
    expect(stuck[0].working_days_silent).toBeGreaterThan(3)
    expect([movedToday, waitingForApplicant, fresh, otherCommune]).not.toContain(stuck[0].code)

    expect((await anThanh.inject('/api/v1/dossiers-stuck?unit=H23.07.02')).statusCode).toBe(404)
    const district = await signIn(app, handle, 'leader', 'H23.07')
    const seen = (await district.inject('/api/v1/dossiers-stuck?unit=H23.07')).json().map((d: { code: string }) => d.code)
    expect(seen.sort()).toEqual([forgotten, otherCommune].sort())
  })
})
