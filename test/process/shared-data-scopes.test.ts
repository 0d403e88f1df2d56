import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { SHARED_DATA_PERMISSIONS, type Permission } from '../../src/domain/accounts/role.js'
import { issueApiToken } from '../../src/modules/accounts/api-tokens.js'
import { sha256 } from '../../src/modules/accounts/sessions.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { useProcessDatabase } from '../support/test-database.js'

let handle: DatabaseHandle
let app: FastifyInstance
let communeAdmin: SignedIn
let provinceAdmin: SignedIn

const SHARED = Object.keys(SHARED_DATA_PERMISSIONS) as Permission[]
const HOLIDAY = { kind: 'holiday', name: 'Nghỉ do xã tự đặt', source: 'Không có văn bản' }
const PUBLICATION = {
  decision_number: '1/QĐ-UBND', decided_on: '2022-04-27', legal_basis_effective_on: '2022-05-06', made_public_on: '2022-04-28',
  national_db_updated_on: '2022-05-05', all_parts_published: true, uses_population_data: true, payment_integrated: true,
}
const KIND_TARGET = { indicator: 'online_payment_rate', year: 2023, unit_kind: 'commune', minimum: 5, decided_by: 'Xã tự giao' }

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadSmallDistrict(handle, [])
  // The strongest role, held at a commune: it has every permission, but only over An Thanh.
  communeAdmin = await signIn(app, handle, 'system_admin', 'H23.07.01')
  provinceAdmin = await signIn(app, handle, 'system_admin', 'H23')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

async function unitId(code: string): Promise<number> {
  return (await handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

/** A token stored as an older version of motcua would have issued it, without today's check. */
async function legacyToken(unitCode: string, scopes: Permission[]): Promise<string> {
  const token = `mct_cu-${unitCode}-${scopes.join('-')}`
  await handle.db.insertInto('api_tokens').values({ name: `cu-${unitCode}`, token_hash: sha256(token), unit_id: await unitId(unitCode), scopes, expires_at: new Date(Date.now() + 86_400_000), created_by: null }).execute()
  return token
}

const calendarOf2022 = async () => (await provinceAdmin.inject('/api/v1/calendar?year=2022')).json().days as { date: string }[]
const changes = (by: (options: { method: 'PUT'; url: string; payload: object }) => Promise<{ statusCode: number; json: () => { message: string } }>) => ({
  calendar: () => by({ method: 'PUT', url: '/api/v1/calendar/days/2022-09-05', payload: HOLIDAY }),
  publication: () => by({ method: 'PUT', url: '/api/v1/procedures/1.001193/publication', payload: PUBLICATION }),
})

describe('data the whole province shares is changed from the province only', () => {
  it.each(SHARED)('a token with %s is not issued below the province (Vietnamese reason), and is at the province', async (scope) => {
    for (const unit of ['H23.07', 'H23.07.01']) {
      await expect(issueApiToken(handle.db, { name: `x-${unit}`, unitId: await unitId(unit), scopes: ['indicators:read', scope], days: 30, createdBy: null })).rejects.toMatchObject({
        userMessage: expect.stringMatching(new RegExp(`không được mang quyền ${scope}.*cấp tỉnh`)),
      })
    }
    await expect(issueApiToken(handle.db, { name: 'tinh', unitId: await unitId('H23'), scopes: [scope], days: 30, createdBy: null })).resolves.toMatchObject({ token: expect.stringMatching(/^mct_/) })
    expect(await handle.db.selectFrom('api_tokens').select('name').where('name', 'like', 'x-%').execute()).toEqual([])
  })

  it('a commune system administrator may not change the calendar, a publication or a kind-wide target, and changes nothing', async () => {
    const before = await calendarOf2022()
    const commune = changes((o) => communeAdmin.inject(o))
    for (const attempt of [commune.calendar, commune.publication]) {
      const response = await attempt()
      expect(response.statusCode).toBe(403)
      expect(response.json().message).toMatch(/^Chỉ tài khoản cấp tỉnh được thay đổi/)
    }
    expect((await communeAdmin.inject({ method: 'DELETE', url: '/api/v1/calendar/days/2022-09-02' })).statusCode).toBe(403)
    expect((await communeAdmin.inject({ method: 'PUT', url: '/api/v1/targets', payload: KIND_TARGET })).statusCode).toBe(403)
    // Nor its own unit's target: that is assigned by the level above.
    const own = await communeAdmin.inject({ method: 'PUT', url: '/api/v1/targets', payload: { ...KIND_TARGET, unit_kind: undefined, unit: 'H23.07.01' } })
    expect(own.statusCode).toBe(403)
    expect(own.json().message).toContain('do cấp trên giao theo văn bản')
    expect(await calendarOf2022()).toEqual(before)
    expect((await provinceAdmin.inject('/api/v1/procedures/1.001193/publication')).json().decided_on).toBeNull()
    expect((await provinceAdmin.inject('/api/v1/targets?year=2023')).json().filter((t: { unitKind: string | null }) => t.unitKind !== null)).toEqual([])
  })

  it('a commune token that somehow carries the scopes is refused all the same', async () => {
    const token = await legacyToken('H23.07.01', [...SHARED, 'targets:write'])
    const bearer = changes((o) => app.inject({ ...o, headers: { authorization: `Bearer ${token}` } }))
    expect((await bearer.calendar()).statusCode).toBe(403)
    expect((await bearer.publication()).statusCode).toBe(403)
    expect((await app.inject({ method: 'PUT', url: '/api/v1/targets', payload: KIND_TARGET, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403)
  })

  it('the province’s token and administrator may', async () => {
    const { token } = await issueApiToken(handle.db, { name: 'lich-tinh', unitId: await unitId('H23'), scopes: [...SHARED, 'targets:write'], days: 30, createdBy: null })
    const bearer = changes((o) => app.inject({ ...o, headers: { authorization: `Bearer ${token}` } }))
    expect((await bearer.calendar()).statusCode).toBe(200)
    expect((await bearer.publication()).statusCode).toBe(200)
    expect((await app.inject({ method: 'PUT', url: '/api/v1/targets', payload: KIND_TARGET, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200)
    expect((await changes((o) => provinceAdmin.inject(o)).calendar()).statusCode).toBe(200)
  })

  it('a commune system administrator reads the audit log of its own accounts only', async () => {
    const rows = (await communeAdmin.inject('/api/v1/audit?limit=500')).json() as { actor: string }[]
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.actor === `user:${communeAdmin.username}`)).toBe(true)
  })
})

describe('cli -- users token', () => {
  const processDatabase = useProcessDatabase()

  it('refuses a shared-data scope below the province, with the reason, and issues it at the province', async () => {
    const dataDir = `${tempDir()}/data`
    const env = processDatabase.env()
    expect((await runCli(['import', 'units', writeCsv(tempDir(), 'units.csv', UNITS_CSV), '--data', dataDir], env)).code).toBe(0)
    const refused = await runCli(['users', 'token', '--name', 'lich-xa', '--unit', 'H23.07.01', '--scopes', 'indicators:read,calendar:write', '--data', dataDir], env)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/không được mang quyền calendar:write/)
    expect(refused.stdout).not.toMatch(/mct_/)
    const issued = await runCli(['users', 'token', '--name', 'lich-tinh', '--unit', 'H23', '--scopes', 'calendar:write', '--data', dataDir], env)
    expect(issued.code).toBe(0)
    expect(issued.stdout).toMatch(/^mct_/)
  })
})
