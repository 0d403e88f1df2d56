import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { saveTarget } from '../../src/modules/indicators/targets.repository.js'
import { DOSSIER_HEADER } from '../support/files.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let monitor: SignedIn

// Xã An Thanh, week 5–9/9/2022: 4 dossiers, 1 fully digitized; Quang Trung: 2, both digitized.
const DOSSIERS = [
  DOSSIER_HEADER,
  'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,2022-09-05T17:00:00+07:00,2022-09-05T10:00:00+07:00,,finished,2,2,true,0,,0,satisfied',
  'AT-2,H23.07.01,1.001193,direct,2022-09-06T08:00:00+07:00,2022-09-06T17:00:00+07:00,2022-09-08T10:00:00+07:00,,finished,2,1,false,0,,0,dissatisfied',
  'AT-3,H23.07.01,2.000815,direct,2022-09-07T08:00:00+07:00,2022-09-07T17:00:00+07:00,,,processing,1,0,,2000,,2,',
  'AT-4,H23.07.01,2.000815,online,2022-09-09T16:59:00+07:00,2022-09-12T17:00:00+07:00,,,received,1,0,,2000,true,0,',
  'QT-1,H23.07.02,1.001193,online,2022-09-05T09:00:00+07:00,2022-09-05T17:00:00+07:00,,,received,3,3,,0,,0,',
  'QT-2,H23.07.02,1.001193,online,2022-09-08T09:00:00+07:00,2022-09-08T17:00:00+07:00,,,received,3,3,,0,,0,',
  // The week before: An Thanh 1 of 2 digitized.
  'AT-0,H23.07.01,1.001193,direct,2022-08-29T08:00:00+07:00,2022-08-29T17:00:00+07:00,2022-08-29T09:00:00+07:00,,finished,1,1,true,0,,0,',
  'AT-00,H23.07.01,1.001193,direct,2022-08-30T08:00:00+07:00,2022-08-30T17:00:00+07:00,2022-08-30T09:00:00+07:00,,finished,1,0,true,0,,0,',
]

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadSmallDistrict(handle, DOSSIERS.slice(1), ['H23.07.VP,Văn phòng HĐND và UBND huyện,office,H23.07'])
  await saveTarget(handle.db, { indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 50, decidedBy: 'Thử nghiệm' })
  monitor = await signIn(app, handle, 'system_admin', 'H23')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

async function get(url: string) {
  const response = await monitor.inject(url)
  return { status: response.statusCode, body: response.json() }
}

describe('the indicators API', () => {
  it('gives the district, its own one-stop and each commune with numerators, targets, change and ranks', async () => {
    const { status, body } = await get('/api/v1/indicators?unit=H23.07&from=2022-09-05&to=2022-09-09&children=true')
    expect(status).toBe(200)
    expect(body.previous).toEqual({ from: '2022-08-29', to: '2022-09-02' })
    expect(body.rows.map((r: { unit_code: string; scope: string }) => [r.unit_code, r.scope])).toEqual([
      ['H23.07', 'subtree'],
      ['H23.07', 'own'],
      ['H23.07.01', 'subtree'],
      ['H23.07.02', 'subtree'],
      ['H23.07.VP', 'subtree'],
    ])
    expect(body.rows[4].indicators.ecert_copies).toMatchObject({ value: 0, rank: null })
    const district = body.rows[0].indicators
    expect(district.dossier_digitization_rate).toMatchObject({ numerator: 3, denominator: 6, value: 50 })
    expect(district.received.value).toBe(6)
    expect(district.ecert_units.value).toBe(1)
    const anThanh = body.rows[2].indicators
    expect(anThanh.dossier_digitization_rate).toMatchObject({ numerator: 1, denominator: 4, value: 25, rank: 2 })
    expect(anThanh.dossier_digitization_rate.target).toEqual({ minimum: 50, decided_by: 'Thử nghiệm', status: 'misses', gap: 1 })
    expect(anThanh.online_payment_rate).toMatchObject({ numerator: 1, denominator: 2, value: 50 })
    expect(anThanh.on_time_rate).toMatchObject({ numerator: 1, denominator: 2, value: 50 })
    expect(anThanh.satisfaction_rate).toMatchObject({ numerator: 1, denominator: 2, value: 50 })
    // Overdue at 24:00 on 9/9: AT-3 (due 7/9, still open). AT-4 is due on 12/9.
    expect(anThanh.overdue_open.value).toBe(1)
    expect(body.rows[3].indicators.dossier_digitization_rate).toMatchObject({ value: 100, rank: 1, target: { status: 'meets' } })
    // Nothing measured in the own row: no value, not 0 %.
    expect(body.rows[1].indicators.dossier_digitization_rate).toMatchObject({ denominator: 0, value: null, target: null })
  })

  it('says how the figure moved from the previous period of the same length', async () => {
    const { body } = await get('/api/v1/indicators?unit=H23.07.01&from=2022-08-29&to=2022-09-04')
    expect(body.rows[0].indicators.dossier_digitization_rate).toMatchObject({ value: 50 })
    const next = await get('/api/v1/indicators?unit=H23.07.01&from=2022-09-05&to=2022-09-11')
    expect(next.body.rows[0].indicators.dossier_digitization_rate).toMatchObject({ value: 25, previous: 50, change: -25 })
  })

  it('lists the dossiers behind a number: the 3 of An Thanh not fully digitized', async () => {
    const { status, body } = await get('/api/v1/indicators/dossiers?unit=H23.07.01&from=2022-09-05&to=2022-09-09&indicator=dossier_digitization_rate&part=gap')
    expect(status).toBe(200)
    expect(body.total).toBe(3)
    expect(body.items.map((d: { code: string }) => d.code)).toEqual(['AT-2', 'AT-3', 'AT-4'])
    const paged = await get('/api/v1/indicators/dossiers?unit=H23.07&from=2022-09-05&to=2022-09-09&indicator=received&page=2&page_size=4')
    expect(paged.body).toMatchObject({ total: 6, page: 2, page_size: 4 })
    expect(paged.body.items).toHaveLength(2)
  })

  it('gives a weekly series for a trend chart', async () => {
    const { body } = await get('/api/v1/indicators/series?unit=H23.07.01&from=2022-08-29&to=2022-09-11&granularity=week')
    expect(body.points.map((p: { label: string; indicators: { dossier_digitization_rate: { value: number } } }) => [p.label, p.indicators.dossier_digitization_rate.value])).toEqual([
      ['Tuần 29/8–04/9/2022', 50],
      ['Tuần 05/9–11/9/2022', 25],
    ])
  })

  it('ranks a commune among all communes of the province, and lists praise, criticism and nothing done', async () => {
    const ranking = await get('/api/v1/indicators/ranking?unit=H23.07.01&indicator=dossier_digitization_rate&from=2022-09-05&to=2022-09-09')
    expect(ranking.body).toMatchObject({ rank: 2, of: 2, kind: 'commune', within: { code: 'H23' } })
    const lists = await get('/api/v1/indicators/lists?unit=H23.07&from=2022-09-05&to=2022-09-09&indicator=ecert_copies&above=1')
    expect(lists.body.above).toEqual([{ unitCode: 'H23.07.01', unitName: 'Xã An Thanh', value: 2 }])
    // The district office receives no dossiers: it is neither praised, criticised nor "chưa thực hiện".
    expect(lists.body.zero).toEqual([{ unitCode: 'H23.07.02', unitName: 'Xã Quang Trung', value: 0 }])
  })

  it.each([
    ['/api/v1/indicators?unit=H23.07&from=2022-09-09&to=2022-09-05', 400, 'sau ngày kết thúc'],
    ['/api/v1/indicators?unit=H23.07&from=2022-02-30&to=2022-03-05', 400, 'không hợp lệ'],
    ['/api/v1/indicators?unit=H23.07&from=05/9/2022&to=2022-09-05', 400, 'YYYY-MM-DD'],
    ['/api/v1/indicators?unit=H23.07&from=1990-01-01&to=2040-01-01', 400, 'quá dài'],
    ['/api/v1/indicators?unit=H99&from=2022-09-05&to=2022-09-09', 404, 'Không có đơn vị'],
    ['/api/v1/indicators?from=2022-09-05&to=2022-09-09', 400, ''],
    ['/api/v1/indicators/dossiers?unit=H23.07&from=2022-09-05&to=2022-09-09&indicator=beauty', 400, ''],
    ["/api/v1/indicators?unit=H23.07'%20or%201=1--&from=2022-09-05&to=2022-09-09", 404, 'Không có đơn vị'],
  ])('%s answers %i with a Vietnamese message', async (url, status, words) => {
    const response = await get(url)
    expect(response.status).toBe(status)
    expect(response.body.message).toEqual(expect.stringContaining(words))
  })

  it('publishes its OpenAPI description and the browsable docs', async () => {
    const spec = await get('/docs/json')
    expect(spec.status).toBe(200)
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/v1/indicators', '/api/v1/indicators/series', '/api/v1/indicators/dossiers']))
    expect((await app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(200)
  })
})
