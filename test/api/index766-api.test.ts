import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { IndexChildSchema } from '../../src/contracts/index766.js'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { issueApiToken } from '../../src/modules/accounts/api-tokens.js'
import { computeIndex } from '../../src/modules/index766/compute-index.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { loadIndexDistrict } from '../support/index766-district.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let leader: SignedIn
let anThanhOfficer: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadIndexDistrict(handle)
  leader = await signIn(app, handle, 'leader', 'H23.07')
  anThanhOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

/** A commune in the overview's ranking, as the contract describes it. */
type Child = z.infer<typeof IndexChildSchema>

async function overview(user: SignedIn, query: string) {
  const response = await user.inject(`/api/v1/index766?${query}`)
  return { status: response.statusCode, body: response.json() }
}

describe('GET /api/v1/index766', () => {
  it('gives the same score as computeIndex for the unit, with its indicators, groups and what-if', async () => {
    const { status, body } = await overview(leader, 'unit=H23.07&period=2025-Q3')
    expect(status).toBe(200)
    const expected = await computeIndex(handle.db, { unitCode: 'H23.07', period: '2025-Q3' })
    expect(body.report.score.total.points).toBe(expected.score.total.points)
    expect(body.report).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(body.report.period).toEqual({ label: '2025-Q3', from: '2025-07-01', to: '2025-09-30' })
  })

  it('ranks the district’s communes (not its office) by total: equal totals share a rank, then by name', async () => {
    const { body } = await overview(leader, 'unit=H23.07&period=2025-08')
    const children = body.children as Child[]
    // Quang Trung and Đại Hợp have the same dossier; An Thanh was late once and paid online less.
    expect(children.map((c) => [c.unit_name, c.rank])).toEqual([
      ['Xã Đại Hợp', 1],
      ['Xã Quang Trung', 1],
      ['Xã An Thanh', 3],
    ])
    expect(children[0]!.total).toBe(children[1]!.total)
    expect(children[0]!.total).toBeGreaterThan(children[2]!.total)
    for (const child of children) {
      const alone = await computeIndex(handle.db, { unitCode: child.unit_code, period: '2025-08' })
      expect(child).toEqual({
        unit_code: child.unit_code,
        unit_name: alone.unit_name,
        kind: 'commune',
        total: alone.score.total.points,
        max_total: alone.score.total.scorable_points,
        band: alone.score.total.band,
        rank: child.rank,
      })
    }
  })

  it('has a trend month by month up to the end of a quarter or month, and by quarter for a year', async () => {
    const quarter = (await overview(leader, 'unit=H23.07&period=2025-Q3')).body
    expect(quarter.trend.map((p: { period: string }) => p.period)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09'])
    const august = await computeIndex(handle.db, { unitCode: 'H23.07', period: '2025-08' })
    expect(quarter.trend[7]).toEqual({ period: '2025-08', from: '2025-08-01', to: '2025-08-31', total: august.score.total.points, max_total: august.score.total.scorable_points })

    const month = (await overview(leader, 'unit=H23.07&period=2025-08')).body
    expect(month.trend).toHaveLength(8)
    expect(month.trend.at(-1).total).toBe(month.report.score.total.points)

    const year = (await overview(leader, 'unit=H23.07&period=2025')).body
    expect(year.trend.map((p: { period: string }) => p.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])
    expect(year.trend[2].total).toBe(quarter.report.score.total.points)
  })

  it('a commune officer sees their commune, with no children, and is refused another commune and the district', async () => {
    const own = await overview(anThanhOfficer, 'unit=H23.07.01&period=2025-08')
    expect(own.status).toBe(200)
    expect(own.body.children).toEqual([])
    for (const unit of ['H23.07.02', 'H23.07']) {
      const refused = await overview(anThanhOfficer, `unit=${unit}&period=2025-08`)
      expect(refused.status).toBe(404)
      expect(refused.body.message).toBe(`Không có đơn vị với mã ${unit} trong phạm vi bạn được xem`)
    }
    expect((await app.inject('/api/v1/index766?unit=H23.07.01&period=2025-08')).statusCode).toBe(401)
  })

  it('needs indicators:read: an API token with it sees its unit, one without it is refused (403)', async () => {
    const unitId = (await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()).id
    const withScope = await issueApiToken(handle.db, { name: 'chi-so-766', unitId, scopes: ['indicators:read'], days: 30, createdBy: null })
    const withoutScope = await issueApiToken(handle.db, { name: 'chi-ho-so', unitId, scopes: ['dossiers:read'], days: 30, createdBy: null })
    const call = (token: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
    expect((await call(withScope.token, '/api/v1/index766?unit=H23.07.01&period=2025-08')).statusCode).toBe(200)
    expect((await call(withScope.token, '/api/v1/index766?unit=H23.07.02&period=2025-08')).statusCode).toBe(404)
    const refused = await call(withoutScope.token, '/api/v1/index766?unit=H23.07.01&period=2025-08')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().message).toBe('Bạn không có quyền thực hiện thao tác này')
    expect((await call(withoutScope.token, '/api/v1/index766/formula-sets')).statusCode).toBe(403)
  })

  it('a bad period is a 400 with a Vietnamese message', async () => {
    for (const period of ['2025-13', '2025-Q5', '08/2025', '']) {
      const { status, body } = await overview(leader, `unit=H23.07&period=${period}`)
      expect(status, period).toBe(400)
      expect(body.error).toBe('validation')
      expect(body.message).toContain('Kỳ đánh giá phải có dạng 2023-Q3 (quý), 2023-09 (tháng) hoặc 2023 (năm)')
    }
    const missing = await overview(leader, 'unit=H23.07')
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/^Dữ liệu gửi lên không hợp lệ: period/)
    expect((await overview(leader, 'unit=H99&period=2025')).status).toBe(404)
  })

  it('lists the formula sets with their groups, indicators and max points, and is in the OpenAPI document', async () => {
    const response = await leader.inject('/api/v1/index766/formula-sets')
    expect(response.statusCode).toBe(200)
    const [set] = response.json().formula_sets
    expect(set).toMatchObject({ id: 'cong-dvc-2025-2026', valid_from: '2025-01-01', valid_to: '2026-12-31', is_default: true, max_points: 100 })
    expect(set.groups.map((g: { id: string; max_points: number }) => [g.id, g.max_points])).toEqual([['1', 18], ['2', 20], ['3', 12], ['3tt', 10], ['4', 22], ['5', 18]])
    expect(set.groups[1].indicators[0]).toEqual({ id: '2.1', label: 'Hồ sơ giải quyết trước hạn, đúng hạn', max_points: 20, rule: 'linear' })
    expect(set.bands[0]).toEqual({ min_score: 90, label: 'xuất sắc' })
    // Beside it, Decision 766 as first in force: online services and payment one group of 22.
    const original = response.json().formula_sets.find((s: { id: string }) => s.id === 'qd-766-2022-2024')
    expect(original).toMatchObject({ valid_from: '2022-06-23', valid_to: '2024-12-31', is_default: false, max_points: 100 })
    expect(original.groups.map((g: { id: string; max_points: number }) => [g.id, g.max_points])).toEqual([['1', 18], ['2', 20], ['3', 22], ['4', 22], ['5', 18]])
    const spec = await app.inject('/docs/json')
    expect(Object.keys(spec.json().paths)).toEqual(expect.arrayContaining(['/api/v1/index766', '/api/v1/index766/formula-sets']))
  })
})
