import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'

let handle: DatabaseHandle
let app: FastifyInstance
let province: SignedIn
let districtMonitor: SignedIn

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await importUnits(handle, writeCsv(tempDir(), 'units.csv', UNITS_CSV), { skipInvalid: false, ignoreUnknown: false })
  province = await signIn(app, handle, 'system_admin', 'H23')
  districtMonitor = await signIn(app, handle, 'monitor', 'H23.07')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('targets and the audit log over HTTP', () => {
  it('the province sets the communes’ 2023 online-payment target of 30 %; a district office may set one for a unit of its own', async () => {
    const put = (user: SignedIn, payload: object) => user.inject({ method: 'PUT', url: '/api/v1/targets', payload })
    const kind = { indicator: 'online_payment_rate', year: 2023, unit_kind: 'commune', minimum: 30, decided_by: 'UBND tỉnh Hải Dương' }
    expect((await put(districtMonitor, kind)).statusCode).toBe(403)
    expect((await put(province, kind)).statusCode).toBe(200)
    expect((await put(districtMonitor, { indicator: 'online_rate', year: 2023, unit: 'H23.07.01', minimum: 90, decided_by: 'KH của UBND huyện' })).statusCode).toBe(200)
    expect((await put(districtMonitor, { indicator: 'online_rate', year: 2023, unit: 'H23', minimum: 90, decided_by: 'x' })).statusCode).toBe(404)
    expect((await put(province, { indicator: 'online_rate', year: 2023, minimum: 90, decided_by: 'x' })).json().message).toMatch(/loại đơn vị hoặc một đơn vị/)
    const otherCommune = await signIn(app, handle, 'leader', 'H23.07.02')
    expect((await otherCommune.inject('/api/v1/targets?year=2023')).json().map((t: { unitCode: string | null }) => t.unitCode)).toEqual([null])
    const targets = (await districtMonitor.inject('/api/v1/targets?year=2023')).json()
    expect(targets).toEqual(expect.arrayContaining([
      expect.objectContaining({ indicator: 'online_payment_rate', unitKind: 'commune', minimum: 30 }),
      expect.objectContaining({ indicator: 'online_rate', unitCode: 'H23.07.01', minimum: 90 }),
    ]))
  })

  it('a unit’s target is assigned by the level above: a commune or a district never sets its own, the province’s own only its system administrator', async () => {
    const put = (user: SignedIn, unit: string, minimum: number) =>
      user.inject({ method: 'PUT', url: '/api/v1/targets', payload: { indicator: 'on_time_rate', year: 2024, unit, scope: 'subtree', minimum, decided_by: 'tự đặt' } })
    const communeMonitor = await signIn(app, handle, 'monitor', 'H23.07.01')
    const own = await put(communeMonitor, 'H23.07.01', 0)
    expect(own.statusCode).toBe(403)
    expect(own.json().message).toBe('Chỉ tiêu của đơn vị H23.07.01 do cấp trên giao theo văn bản; đơn vị không tự đặt hoặc xóa chỉ tiêu của mình')
    expect((await put(districtMonitor, 'H23.07', 0)).statusCode).toBe(403)
    const provinceMonitor = await signIn(app, handle, 'monitor', 'H23')
    expect((await put(provinceMonitor, 'H23', 0)).json().message).toBe('Chỉ quản trị hệ thống cấp tỉnh được đặt chỉ tiêu của H23')
    const unchanged = await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'target.set').execute()

    expect((await put(districtMonitor, 'H23.07.01', 95)).statusCode).toBe(200)
    expect((await put(provinceMonitor, 'H23.07', 92)).statusCode).toBe(200)
    expect((await put(province, 'H23', 90)).statusCode).toBe(200)
    const set = (await province.inject('/api/v1/targets?year=2024')).json() as { unitCode: string; minimum: number }[]
    expect(set.map((t) => [t.unitCode, t.minimum]).sort()).toEqual([['H23', 90], ['H23.07', 92], ['H23.07.01', 95]])
    expect((await handle.db.selectFrom('audit_log').select('id').where('action', '=', 'target.set').execute()).length).toBe(unchanged.length + 3)
  })

  it('administrators browse the audit log: the province all of it, a district administrator its own accounts', async () => {
    const all = (await province.inject('/api/v1/audit?limit=500')).json()
    expect(all.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['target.set', 'user.login', 'import.units']))
    const districtAdmin = await signIn(app, handle, 'unit_admin', 'H23.07')
    const own = (await districtAdmin.inject('/api/v1/audit?limit=500')).json()
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((r: { actor: string }) => r.actor.startsWith('user:test.'))).toBe(true)
    expect(own.some((r: { actor: string }) => r.actor === `user:${province.username}`)).toBe(false)
    expect((await districtMonitor.inject('/api/v1/audit')).statusCode).toBe(403)
  })
})
