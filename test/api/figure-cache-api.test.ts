import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { readDataVersion } from '../../src/modules/figure-cache/data-version.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let leader: SignedIn
let officer: SignedIn
let admin: SignedIn

// Xã An Thanh, September 2022: two birth registrations, one online.
const DOSSIERS = [
  'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,2022-09-05T17:00:00+07:00,2022-09-05T10:00:00+07:00,,finished,1,1,true,0,,0,satisfied',
  'AT-2,H23.07.01,1.001193,direct,2022-09-06T08:00:00+07:00,2022-09-06T17:00:00+07:00,,,processing,1,0,,0,,0,',
]
const TABLE = '/api/v1/indicators?unit=H23.07&from=2022-09-01&to=2022-09-30&children=true'
const SERIES = '/api/v1/indicators/series?unit=H23.07&from=2022-09-01&to=2022-09-30&granularity=week'
const OVERVIEW = '/api/v1/index766?unit=H23.07&period=2022-Q3'

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadSmallDistrict(handle, DOSSIERS)
  leader = await signIn(app, handle, 'leader', 'H23.07')
  officer = await signIn(app, handle, 'officer', 'H23.07.01')
  admin = await signIn(app, handle, 'system_admin', 'H23')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

async function read(url: string) {
  const response = await leader.inject(url)
  expect(response.statusCode, response.body).toBe(200)
  return response.json()
}

async function cacheStats() {
  const response = await admin.inject('/api/v1/metrics')
  expect(response.statusCode).toBe(200)
  return response.json().figure_cache as { hits: number; misses: number; coalesced: number }
}

const receivedIn = (table: { rows: { unit_code: string; scope: string; indicators: { received: { value: number } } }[] }, code: string) =>
  table.rows.find((row) => row.unit_code === code && row.scope === 'subtree')!.indicators.received.value

describe('cached figures are never stale', () => {
  it('a repeated dashboard is answered from memory, and a dossier received at the desk shows on the next read', async () => {
    const before = await read(TABLE)
    expect(receivedIn(before, 'H23.07')).toBe(2)
    const afterFirst = await cacheStats()
    expect(await read(TABLE)).toEqual(before)
    expect((await cacheStats()).hits).toBe(afterFirst.hits + 1)

    const received = await officer.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: { unit: 'H23.07.01', procedure_code: '1.001193', applicant: { name: 'Nguyễn Văn An' }, channel: 'direct', received_components: [], received_at: '2022-09-07T09:00:00+07:00' },
    })
    expect(received.statusCode, received.body).toBe(200)

    const after = await read(TABLE)
    expect(receivedIn(after, 'H23.07')).toBe(3)
    expect(receivedIn(after, 'H23.07.01')).toBe(3)
    const series = await read(SERIES)
    expect(series.points.reduce((sum: number, point: { indicators: { received: { value: number } } }) => sum + point.indicators.received.value, 0)).toBe(3)
  })

  it('a target set through the API is judged on the next read of the same table', async () => {
    const digitizationTarget = (table: { rows: { unit_code: string; indicators: { dossier_digitization_rate: { target: unknown } } }[] }) =>
      table.rows.find((row) => row.unit_code === 'H23.07.01')!.indicators.dossier_digitization_rate.target
    expect(digitizationTarget(await read(TABLE))).toBeNull()
    const put = await admin.inject({ method: 'PUT', url: '/api/v1/targets', payload: { indicator: 'dossier_digitization_rate', year: 2022, unit_kind: 'commune', minimum: 80, decided_by: 'UBND tỉnh' } })
    expect(put.statusCode, put.body).toBe(200)
    expect(digitizationTarget(await read(TABLE))).toMatchObject({ minimum: 80, status: 'misses' })
  })

  it('a feedback item received in the quarter changes the Decision 766 overview', async () => {
    const feedbackInput = (overview: { report: { score: unknown } }) => JSON.stringify(overview.report.score)
    const before = feedbackInput(await read(OVERVIEW))
    expect(feedbackInput(await read(OVERVIEW))).toBe(before)
    const posted = await officer.inject({ method: 'POST', url: '/api/v1/feedback', payload: { unit: 'H23.07.01', received_at: '2022-09-08T10:00:00+07:00', late_entry_reason: 'Sổ tiếp nhận giấy', channel: 'phone', summary: 'Hẹn trả kết quả nhiều lần' } })
    expect(posted.statusCode, posted.body).toBe(200)
    expect(feedbackInput(await read(OVERVIEW))).not.toBe(before)
  })

  it('200 leaders asking the same table at once get one computation', async () => {
    const url = '/api/v1/indicators?unit=H23.07&from=2022-08-01&to=2022-08-31&children=true'
    const before = await cacheStats()
    const answers = await Promise.all(Array.from({ length: 200 }, () => leader.inject(url)))
    expect(answers.every((answer) => answer.statusCode === 200)).toBe(true)
    const after = await cacheStats()
    expect(after.misses - before.misses).toBe(1)
    expect(after.hits - before.hits + (after.coalesced - before.coalesced)).toBe(199)
  })
})

describe('the data version', () => {
  it('moves with a change of figures (a calendar day) and not with a login', async () => {
    const start = await readDataVersion(handle.db)
    await signIn(app, handle, 'leader', 'H23.07.02')
    expect(await readDataVersion(handle.db)).toBe(start)
    const put = await admin.inject({ method: 'PUT', url: '/api/v1/calendar/days/2022-09-05', payload: { kind: 'holiday', name: 'Nghỉ đột xuất', source: 'Thông báo thử nghiệm' } })
    expect(put.statusCode, put.body).toBe(200)
    expect(await readDataVersion(handle.db)).toBeGreaterThan(start)
  })

  it('a change rolled back leaves the version where it was', async () => {
    const start = await readDataVersion(handle.db)
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await trx.updateTable('units').set({ name: 'Xã An Thanh (sửa)' }).where('code', '=', 'H23.07.01').execute()
        throw new Error('hủy')
      }),
    ).rejects.toThrow('hủy')
    expect(await readDataVersion(handle.db)).toBe(start)
    await handle.db.updateTable('units').set({ name: 'Xã An Thanh' }).where('code', '=', 'H23.07.01').execute()
    expect(await readDataVersion(handle.db)).toBe(start + 1)
  })
})

describe('the cache’s figures', () => {
  it('are the province’s to read: a commune’s administrator is refused', async () => {
    const communeAdmin = await signIn(app, handle, 'unit_admin', 'H23.07.01')
    expect((await communeAdmin.inject('/api/v1/metrics')).statusCode).toBe(403)
  })
})
