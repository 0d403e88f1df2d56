import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let admin: SignedIn
let leader: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  admin = await signIn(app, handle, 'system_admin', 'H23')
  leader = await signIn(app, handle, 'leader', 'H23.07')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('the calendar over HTTP', () => {
  it('shows 2024 as announced: 30/4–1/5 off with Saturday 4/5 worked, each with its notice', async () => {
    const { days, origin } = (await leader.inject('/api/v1/calendar?year=2024')).json()
    expect(origin).toBe('official')
    expect(days.find((d: { date: string }) => d.date === '2024-05-04')).toMatchObject({ kind: 'workday', source: expect.stringContaining('2450/VPCP-KGVX') })
    // 27–28/4 are a weekend anyway; the days the notice took off are Monday 29/4, 30/4 and 1/5.
    expect(days.filter((d: { date: string; kind: string }) => d.kind === 'holiday' && d.date >= '2024-04-27' && d.date <= '2024-05-01').map((d: { date: string }) => d.date)).toEqual(['2024-04-29', '2024-04-30', '2024-05-01'])
  })

  it('an administrator adds a day off and due dates follow; a leader may not edit', async () => {
    const due = async () => (await leader.inject('/api/v1/calendar/due?received_at=2022-08-31T10:00:00%2B07:00&days=1')).json().due_at
    expect(await due()).toBe('2022-09-05T10:00:00.000Z')
    const put = (user: SignedIn) => user.inject({ method: 'PUT', url: '/api/v1/calendar/days/2022-09-05', payload: { kind: 'holiday', name: 'Nghỉ đột xuất', source: 'Thông báo thử nghiệm' } })
    expect((await put(leader)).statusCode).toBe(403)
    expect((await put(admin)).statusCode).toBe(200)
    expect(await due()).toBe('2022-09-06T10:00:00.000Z')
    expect((await admin.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2022-09-05' })).statusCode).toBe(200)
    expect(await due()).toBe('2022-09-05T10:00:00.000Z')
    expect((await admin.inject({ method: 'PUT', url: '/api/v1/calendar/days/2022-02-30', payload: { kind: 'holiday', name: 'x', source: 'y' } })).statusCode).toBe(400)
  })
})
