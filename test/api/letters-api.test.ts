import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let districtMonitor: SignedIn
let anThanhLeader: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  districtMonitor = await signIn(app, handle, 'monitor', 'H23.07')
  anThanhLeader = await signIn(app, handle, 'leader', 'H23.07.01')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('what letters cite, over HTTP', () => {
  it('the district office adds 2022’s plan and records letter 1219/UBND-VP; the list gives both; a commune leader can neither see nor add them', async () => {
    const post = (user: SignedIn, payload: object) => user.inject({ method: 'POST', url: '/api/v1/letters/cited-documents', payload })
    const plan = { unit: 'H23.07', topic: 'digitization', year: 2022, doc_type: 'Kế hoạch', number: '4707/KH-UBND', issued_on: '2021-12-24', issuer: 'UBND tỉnh Hải Dương', about: 'về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022' }
    expect((await post(districtMonitor, plan)).json()).toMatchObject({ inserted: true })
    expect((await post(districtMonitor, { unit: 'H23.07', topic: 'digitization', role: 'letter', number: '1219/UBND-VP', issued_on: '2022-09-12' })).statusCode).toBe(200)
    expect((await post(districtMonitor, { ...plan, issued_on: '2021-02-30' })).statusCode).toBe(400)
    expect((await post(anThanhLeader, plan)).statusCode).toBe(403)
    const listed = (await districtMonitor.inject('/api/v1/letters/cited-documents?unit=H23.07&topic=digitization&year=2022')).json()
    expect(listed.map((d: { number: string; role: string }) => [d.number, d.role])).toEqual([['4707/KH-UBND', 'basis'], ['1219/UBND-VP', 'letter']])
    expect((await anThanhLeader.inject('/api/v1/letters/cited-documents?unit=H23.07')).statusCode).toBe(404)
    const audit = await handle.db.selectFrom('audit_log').select('action').where('action', 'in', ['reference.add', 'letter.record']).execute()
    expect(audit).toHaveLength(2)
  })
})
