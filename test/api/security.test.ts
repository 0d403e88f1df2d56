import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { issueApiToken, revokeApiToken } from '../../src/modules/accounts/api-tokens.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, TEST_PASSWORD, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'

let handle: DatabaseHandle
let app: FastifyInstance
let anThanhOfficer: SignedIn
const WEEK = 'from=2022-09-05&to=2022-09-09'

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadSmallDistrict(handle, [
      'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,2,2,,0,,0,',
      'QT-1,H23.07.02,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,2,0,,0,,0,',
      'QT-2,H23.07.02,1.001193,online,2022-09-06T08:00:00+07:00,,,,received,2,0,,0,,0,',
      'HU-1,H23.07,1.001612,direct,2022-09-06T08:00:00+07:00,,,,received,1,1,,100000,true,0,',
    ])
  anThanhOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const PROTECTED = [
  `/api/v1/units`,
  `/api/v1/indicators?unit=H23.07.02&${WEEK}`,
  `/api/v1/indicators/series?unit=H23.07.02&${WEEK}`,
  `/api/v1/indicators/dossiers?unit=H23.07.02&${WEEK}&indicator=received`,
  `/api/v1/indicators/ranking?unit=H23.07.02&${WEEK}&indicator=received`,
  `/api/v1/indicators/lists?unit=H23.07&${WEEK}&indicator=received`,
  `/api/v1/auth/me`,
]

describe('who may see what', () => {
  it.each(PROTECTED)('%s refuses a request with no session (401)', async (url) => {
    const response = await app.inject({ method: 'GET', url })
    expect(response.statusCode).toBe(401)
    expect(response.json().message).toBe('Bạn cần đăng nhập')
  })

  it.each(PROTECTED.filter((url) => url.includes('unit=')))('%s answers an An Thanh officer as if the unit did not exist (404)', async (url) => {
    const response = await anThanhOfficer.inject(url)
    expect(response.statusCode).toBe(404)
    expect(response.json().message).toMatch(/trong phạm vi bạn được xem/)
  })

  it('an An Thanh officer sees An Thanh only: the unit list and the figures hold nothing of Quang Trung', async () => {
    const units = await anThanhOfficer.inject('/api/v1/units')
    expect(units.json().map((u: { code: string }) => u.code)).toEqual(['H23.07.01'])
    const own = await anThanhOfficer.inject(`/api/v1/indicators?unit=H23.07.01&${WEEK}&children=true`)
    expect(own.statusCode).toBe(200)
    expect(own.json().rows[0].indicators.received.value).toBe(1)
    expect(own.json().rows[0].indicators.dossier_digitization_rate).toMatchObject({ numerator: 1, denominator: 1 })
    const dossiers = await anThanhOfficer.inject(`/api/v1/indicators/dossiers?unit=H23.07.01&${WEEK}&indicator=received`)
    expect(dossiers.json().items.map((d: { code: string }) => d.code)).toEqual(['AT-1'])
    const ranking = await anThanhOfficer.inject(`/api/v1/indicators/ranking?unit=H23.07.01&${WEEK}&indicator=dossier_digitization_rate`)
    expect(ranking.json()).toMatchObject({ rank: 1, of: 2 })
    expect(ranking.json().ranking.map((r: { unit_code: string }) => r.unit_code)).toEqual(['H23.07.01'])
  })

  it('a district leader sees the district, its one-stop shop and every commune', async () => {
    const leader = await signIn(app, handle, 'leader', 'H23.07')
    const table = await leader.inject(`/api/v1/indicators?unit=H23.07&${WEEK}&children=true`)
    expect(table.json().rows.map((r: { unit_code: string }) => r.unit_code)).toEqual(['H23.07', 'H23.07', 'H23.07.01', 'H23.07.02'])
    expect(table.json().rows[0].indicators.received.value).toBe(4)
    expect((await leader.inject(`/api/v1/indicators?unit=H23&${WEEK}`)).statusCode).toBe(404)
  })

  it('a role without the permission is refused (403): a commune leader may not list personal-data dossiers of… no: a monitor may, an API token without dossiers:read may not', async () => {
    const { token } = await issueApiToken(handle.db, { name: 'cong-tinh', unitId: (await unitId('H23.07.01')), scopes: ['indicators:read'], days: 30, createdBy: null })
    const bearer = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })
    expect((await bearer(`/api/v1/indicators?unit=H23.07.01&${WEEK}`)).statusCode).toBe(200)
    expect((await bearer(`/api/v1/indicators?unit=H23.07.02&${WEEK}`)).statusCode).toBe(404)
    expect((await bearer(`/api/v1/indicators/dossiers?unit=H23.07.01&${WEEK}&indicator=received`)).statusCode).toBe(403)
  })
})

async function unitId(code: string): Promise<number> {
  return (await handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}

describe('API tokens', () => {
  it('an expired, revoked or made-up token is refused', async () => {
    const issued = await issueApiToken(handle.db, { name: 'tam-thoi', unitId: await unitId('H23.07'), scopes: ['indicators:read'], days: 1, createdBy: null })
    const call = (token: string) => app.inject({ method: 'GET', url: `/api/v1/indicators?unit=H23.07&${WEEK}`, headers: { authorization: `Bearer ${token}` } })
    expect((await call(issued.token)).statusCode).toBe(200)
    await revokeApiToken(handle.db, issued.id)
    expect((await call(issued.token)).statusCode).toBe(401)
    const expired = await issueApiToken(handle.db, { name: 'het-han', unitId: await unitId('H23.07'), scopes: ['indicators:read'], days: 1, createdBy: null })
    await handle.db.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expired.id).execute()
    expect((await call(expired.token)).statusCode).toBe(401)
    expect((await call('mct_bia-dat')).json().message).toMatch(/không hợp lệ/)
    const stored = await handle.db.selectFrom('api_tokens').select('token_hash').execute()
    expect(stored.every((t) => !t.token_hash.startsWith('mct_'))).toBe(true)
  })
})

describe('logging in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and stores only its hash', async () => {
    await createUser(handle.db, { username: 'cookie.check', displayName: 'Kiểm tra', password: TEST_PASSWORD, unitCode: 'H23.07', role: 'leader' }, 'test')
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cookie.check', password: TEST_PASSWORD } })
    const cookie = response.cookies.find((c) => c.name === 'motcua_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    const sessions = await handle.db.selectFrom('sessions').select('id').execute()
    expect(sessions.some((s) => s.id === cookie.value)).toBe(false)
  })

  it('five wrong passwords lock the account for 15 minutes, even for the right password', async () => {
    await createUser(handle.db, { username: 'khoa.thu', displayName: 'Khóa thử', password: TEST_PASSWORD, unitCode: 'H23.07', role: 'leader' }, 'test')
    const attempt = (password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khoa.thu', password }, remoteAddress: '10.0.0.9' })
    for (let i = 0; i < 5; i++) {
      const wrong = await attempt('sai-mat-khau-123')
      expect(wrong.statusCode).toBe(401)
      expect(wrong.json().message).toBe('Tên đăng nhập hoặc mật khẩu không đúng')
    }
    const locked = await attempt(TEST_PASSWORD)
    expect(locked.statusCode).toBe(423)
    expect(locked.json().message).toMatch(/tạm khóa.*15 phút/)
  })

  it('an unknown user gets the same answer as a wrong password', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khong.co.ai', password: 'gi-cung-duoc-1' } })
    expect(response.statusCode).toBe(401)
    expect(response.json().message).toBe('Tên đăng nhập hoặc mật khẩu không đúng')
  })

  it('a weak password is refused when an account is created', async () => {
    await expect(createUser(handle.db, { username: 'yeu.qua', displayName: 'x', password: '12345', unitCode: 'H23.07', role: 'leader' }, 'test')).rejects.toMatchObject({
      userMessage: expect.stringContaining('ít nhất 10 ký tự'),
    })
  })

  it('a change with the session cookie but without the CSRF token is refused', async () => {
    const user = await signIn(app, handle, 'leader', 'H23.07')
    const forged = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { motcua_session: user.cookie } })
    expect(forged.statusCode).toBe(403)
    expect(forged.json().message).toMatch(/chống giả mạo/)
    expect((await user.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200)
    expect((await user.inject('/api/v1/auth/me')).statusCode).toBe(401)
  })

  it('"log out everywhere" ends every session of the user', async () => {
    await createUser(handle.db, { username: 'hai.may', displayName: 'Hai máy', password: TEST_PASSWORD, unitCode: 'H23.07', role: 'monitor' }, 'test')
    const login = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hai.may', password: TEST_PASSWORD } })
    const first = await login()
    const second = await login()
    const cookieOf = (r: typeof first) => r.cookies.find((c) => c.name === 'motcua_session')!.value
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', cookies: { motcua_session: cookieOf(first) }, headers: { 'x-csrf-token': first.json().csrf_token } })
    expect(out.json()).toEqual({ sessions: 2 })
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { motcua_session: cookieOf(second) } })).statusCode).toBe(401)
  })
})

describe('hostile input', () => {
  const ATTACKS = ["H23.07'; drop table units; --", "' or '1'='1", '../../etc/passwd', '..%2F..%2Fdata%2Fmotcua.lock', 'H23.07\u0000', '<script>alert(1)</script>']
  it.each(ATTACKS)('unit = %j is an unknown unit, and the tables are intact', async (attack) => {
    const response = await anThanhOfficer.inject(`/api/v1/indicators?unit=${encodeURIComponent(attack)}&${WEEK}`)
    expect([400, 404]).toContain(response.statusCode)
    const count = await sql<{ n: number }>`select count(*) as n from units`.execute(handle.db)
    expect(count.rows[0]!.n).toBe(4)
  })

  it.each(ATTACKS)('username = %j is refused at login like any wrong name', async (attack) => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: attack, password: 'x' } })
    expect([400, 401]).toContain(response.statusCode)
  })
})

describe('the audit trail', () => {
  it('records logins, imports and account changes, and refuses to be changed', async () => {
    const actions = (await handle.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action)
    expect(actions).toEqual(expect.arrayContaining(['import.units', 'import.procedures', 'import.dossiers', 'user.create', 'user.login', 'user.login_failed', 'user.locked']))
    await expect(sql`update audit_log set actor = 'ai đó'`.execute(handle.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from audit_log`.execute(handle.db)).rejects.toThrow(/append-only/)
    expect((await verifyAuditChain(handle.db)).ok).toBe(true)
  })

  it('detects a row edited and a row deleted behind the application’s back', async () => {
    // Someone with the database owner's rights switches the guard off.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(handle.db)
    await sql`update audit_log set actor = 'user:ke-gian' where id = 3`.execute(handle.db)
    let result = await verifyAuditChain(handle.db)
    expect(result.ok).toBe(false)
    expect(result.problems).toContainEqual({ id: '3', reason: 'nội dung dòng 3 đã bị sửa (mã băm không khớp)' })
    await sql`delete from audit_log where id = 5`.execute(handle.db)
    result = await verifyAuditChain(handle.db)
    expect(result.problems.map((p) => p.reason)).toEqual(expect.arrayContaining([expect.stringContaining('chuỗi băm bị đứt trước dòng 6: dòng nhật ký giữa dòng 4 và dòng 6 đã bị xóa')]))
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(handle.db)
  })
})
