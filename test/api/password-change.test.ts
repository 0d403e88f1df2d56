import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { resetPassword } from '../../src/modules/accounts/change-password.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, TEST_PASSWORD, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'

let handle: DatabaseHandle
let app: FastifyInstance

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadSmallDistrict(handle, [])
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const NEW_PASSWORD = 'mat-khau-moi-2026-xa'
const loginAs = (username: string, password: string, remoteAddress = '192.0.2.50') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress })
const change = (who: SignedIn, current: string, next: string) =>
  who.inject({ method: 'POST', url: '/api/v1/auth/password', payload: { current_password: current, new_password: next } })
const me = (who: SignedIn) => who.inject('/api/v1/auth/me')
const auditOf = (username: string) =>
  handle.db.selectFrom('audit_log').select(['action', 'summary']).where('actor', '=', `user:${username}`).orderBy('id').execute()

describe('an official changes their own password', () => {
  it('the new password opens a session, the old one no longer does; this session stays, the others end', async () => {
    const officer = await signIn(app, handle, 'officer', 'H23.07.01')
    const login = await loginAs(officer.username, TEST_PASSWORD)
    const otherCookie = login.cookies.find((c) => c.name === 'motcua_session')!.value
    expect((await me(officer)).statusCode).toBe(200)

    const changed = await change(officer, TEST_PASSWORD, NEW_PASSWORD)
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toEqual({ other_sessions_ended: 1 })

    expect((await me(officer)).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/v1/auth/me', cookies: { motcua_session: otherCookie } })).statusCode).toBe(401)
    expect((await loginAs(officer.username, TEST_PASSWORD)).statusCode).toBe(401)
    expect((await loginAs(officer.username, NEW_PASSWORD)).statusCode).toBe(200)
    const actions = (await auditOf(officer.username)).map((r) => r.action)
    expect(actions).toContain('user.password_change')
    expect((await auditOf(officer.username)).find((r) => r.action === 'user.password_change')!.summary).toEqual({ sessions_ended: 1 })
  })

  it('a wrong current password changes nothing, says so in Vietnamese, and counts toward the lock of the name', async () => {
    const leader = await signIn(app, handle, 'leader', 'H23.07')
    for (let i = 1; i <= 4; i++) {
      const refused = await change(leader, `sai-mat-khau-${i}`, NEW_PASSWORD)
      expect(refused.statusCode).toBe(400)
      expect(refused.json().message).toBe('Mật khẩu hiện tại không đúng')
    }
    // The fifth wrong password in a row locks the name, as at the login page.
    expect((await change(leader, 'sai-mat-khau-5', NEW_PASSWORD)).statusCode).toBe(400)
    const locked = await change(leader, TEST_PASSWORD, NEW_PASSWORD)
    expect(locked.statusCode).toBe(423)
    expect(locked.json().message).toMatch(/^Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau 15 phút$/)
    expect((await loginAs(leader.username, TEST_PASSWORD)).statusCode).toBe(423)
    expect((await auditOf(leader.username)).filter((r) => r.action === 'user.login_failed' || r.action === 'user.locked').map((r) => r.action)).toEqual([
      'user.login_failed', 'user.login_failed', 'user.login_failed', 'user.login_failed', 'user.locked',
    ])
  })

  it('a new password the policy refuses is answered with every reason, and the old one still works', async () => {
    const monitor = await signIn(app, handle, 'monitor', 'H23.07')
    const short = await change(monitor, TEST_PASSWORD, 'abc1')
    expect(short.statusCode).toBe(400)
    expect(short.json().message).toBe('Mật khẩu mới không đạt yêu cầu: mật khẩu phải có ít nhất 10 ký tự')
    const same = await change(monitor, TEST_PASSWORD, TEST_PASSWORD)
    expect(same.json().message).toBe('Mật khẩu mới không đạt yêu cầu: mật khẩu mới phải khác mật khẩu hiện tại')
    const withName = await change(monitor, TEST_PASSWORD, `${monitor.username}9x`)
    expect(withName.json().message).toBe('Mật khẩu mới không đạt yêu cầu: mật khẩu không được chứa tên đăng nhập')
    expect((await loginAs(monitor.username, TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('needs the session’s CSRF token and a session', async () => {
    const officer = await signIn(app, handle, 'officer', 'H23.07.02')
    const noCsrf = await app.inject({ method: 'POST', url: '/api/v1/auth/password', cookies: { motcua_session: officer.cookie }, payload: { current_password: TEST_PASSWORD, new_password: NEW_PASSWORD } })
    expect(noCsrf.statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/password', payload: { current_password: TEST_PASSWORD, new_password: NEW_PASSWORD } })).statusCode).toBe(401)
    expect((await loginAs(officer.username, TEST_PASSWORD)).statusCode).toBe(200)
  })
})

describe('an administrator sets a forgotten password', () => {
  it('every session of the official ends, the lock of the name is lifted, and the reset is audited', async () => {
    const specialist = await signIn(app, handle, 'specialist', 'H23.07.01')
    for (let i = 0; i < 5; i++) await loginAs(specialist.username, `quen-mat-khau-${i}`)
    expect((await loginAs(specialist.username, TEST_PASSWORD)).statusCode).toBe(423)

    expect(await resetPassword(handle.db, { username: specialist.username, password: NEW_PASSWORD }, 'cli')).toBe(1)
    expect((await me(specialist)).statusCode).toBe(401)
    expect((await loginAs(specialist.username, NEW_PASSWORD)).statusCode).toBe(200)
    const reset = await handle.db.selectFrom('audit_log').select(['actor', 'summary']).where('action', '=', 'user.password_reset').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(reset).toEqual({ actor: 'cli', summary: { username: specialist.username, sessions_ended: 1 } })
  })

  it('refuses an unknown name and a weak password, changing nothing', async () => {
    await expect(resetPassword(handle.db, { username: 'khong.ai.ca', password: NEW_PASSWORD }, 'cli')).rejects.toMatchObject({ userMessage: 'Không có tài khoản khong.ai.ca' })
    const officer = await signIn(app, handle, 'officer', 'H23.07.01')
    await expect(resetPassword(handle.db, { username: officer.username, password: 'ngan1' }, 'cli')).rejects.toMatchObject({ userMessage: expect.stringMatching(/^Mật khẩu mới không đạt yêu cầu: /) })
    expect((await me(officer)).statusCode).toBe(200)
  })
})
