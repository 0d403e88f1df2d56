import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { buildServer } from '../../src/http/build-server.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { tempDir } from '../support/files.js'
import { TEST_PASSWORD } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'

let handle: DatabaseHandle
let app: FastifyInstance
let staff: string[]

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadSmallDistrict(handle, [])
  staff = []
  for (let i = 0; i < 12; i++) {
    const username = `vanphong.${i}`
    await createUser(handle.db, { username, displayName: `Cán bộ ${i}`, password: TEST_PASSWORD, unitCode: 'H23.07', role: 'monitor' }, 'test')
    staff.push(username)
  }
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const login = (server: FastifyInstance, username: string, password: string, from: { remoteAddress: string; headers?: Record<string, string> }) =>
  server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, ...from })

/** What an answer tells the caller: status, body, and whether a session was opened. */
const seen = (r: LightMyRequestResponse) => ({ status: r.statusCode, body: r.json(), session: r.cookies.some((c) => c.name === 'motcua_session') })

describe('login throttling counts failures, not logins', () => {
  it('an office behind one address: 11 good logins and 9 mistyped passwords lock nobody out', async () => {
    const office = { remoteAddress: '203.0.113.10' }
    for (let i = 0; i < 11; i++) {
      expect((await login(app, staff[i]!, TEST_PASSWORD, office)).statusCode).toBe(200)
      if (i < 9) expect((await login(app, staff[i]!, 'go-nham-mat-khau-1', office)).statusCode).toBe(401)
    }
    for (const username of staff) expect((await login(app, username, TEST_PASSWORD, office)).statusCode).toBe(200)
  })

  it('twenty failures from one address stop that address — even with a right password — and no other', async () => {
    const guesser = { remoteAddress: '198.51.100.7' }
    // Across names, four each: no name reaches its own lockout, the address does.
    for (let i = 0; i < 20; i++) expect((await login(app, `khach.${i % 5}`, `doan-${i}-abc`, guesser)).statusCode).toBe(401)
    const stopped = await login(app, staff[11]!, TEST_PASSWORD, guesser)
    expect(stopped.statusCode).toBe(423)
    expect(stopped.json().message).toMatch(/^Đăng nhập sai quá nhiều lần từ địa chỉ này; thử lại sau \d+ phút$/)
    expect((await login(app, staff[11]!, TEST_PASSWORD, { remoteAddress: '198.51.100.8' })).statusCode).toBe(200)
  })
})

describe('the address limit is one count for every server on the database', () => {
  it('ten failures at each of two servers stop the address at both, and the refusals are audited', async () => {
    // A second server over the same database: its own process state, the same audit log.
    const other = await buildServer(handle, { filesDir: tempDir() })
    try {
      const from = { remoteAddress: '198.51.100.31' }
      for (let i = 0; i < 20; i++) expect((await login(i % 2 === 0 ? app : other, `doan.hai.${i % 5}`, `sai-${i}-mat-khau`, from)).statusCode).toBe(401)
      for (const server of [app, other]) {
        const stopped = await login(server, staff[10]!, TEST_PASSWORD, from)
        expect(stopped.statusCode).toBe(423)
        expect(stopped.json().message).toMatch(/^Đăng nhập sai quá nhiều lần từ địa chỉ này; thử lại sau (9|10) phút$/)
      }
      const refusals = await handle.db.selectFrom('audit_log').select('actor').where('action', '=', 'user.login_throttled').where('ip', '=', '198.51.100.31').execute()
      expect(refusals.map((r) => r.actor)).toEqual([`user:${staff[10]}`, `user:${staff[10]}`])
    } finally {
      await other.close()
    }
  })

  it('failures older than ten minutes no longer count: the address may try again', async () => {
    const from = { remoteAddress: '198.51.100.32' }
    for (let i = 0; i < 20; i++) await login(app, `cu.${i % 5}`, `sai-${i}-mat-khau`, from)
    expect((await login(app, staff[9]!, TEST_PASSWORD, from)).statusCode).toBe(423)
    // Audit rows cannot be edited; a past failure is what eleven minutes of waiting would make.
    await handle.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger user`.execute(trx)
      await trx.updateTable('audit_log').set({ at: new Date(Date.now() - 11 * 60_000) }).where('ip', '=', '198.51.100.32').execute()
      await sql`alter table audit_log enable trigger user`.execute(trx)
    })
    expect((await login(app, staff[9]!, TEST_PASSWORD, from)).statusCode).toBe(200)
  })
})

describe('the lockout says nothing of which names exist', () => {
  it('an account and a name no account has answer alike, attempt by attempt, through the lockout and after', async () => {
    await createUser(handle.db, { username: 'co.that', displayName: 'Có thật', password: TEST_PASSWORD, unitCode: 'H23.07', role: 'leader' }, 'test')
    const answers = async (username: string, remoteAddress: string) => {
      const list = []
      for (let i = 0; i < 6; i++) list.push(seen(await login(app, username, 'sai-mat-khau-123', { remoteAddress })))
      list.push(seen(await login(app, username, TEST_PASSWORD, { remoteAddress })))
      return list
    }
    const existing = await answers('co.that', '192.0.2.1')
    const unknown = await answers('khong.co.that', '192.0.2.2')
    expect(unknown).toEqual(existing)
    expect(existing.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 423, 423])
    expect(existing[5]!.body.message).toMatch(/^Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau 15 phút$/)
    // Both were audited the same way, one row per attempt.
    const rows = await handle.db.selectFrom('audit_log').select(['actor', 'action']).where('actor', 'in', ['user:co.that', 'user:khong.co.that']).orderBy('id').execute()
    const actionsOf = (actor: string) => rows.filter((r) => r.actor === actor).map((r) => r.action)
    expect(actionsOf('user:khong.co.that')).toEqual(actionsOf('user:co.that'))
    expect(actionsOf('user:co.that')).toEqual(['user.login_failed', 'user.login_failed', 'user.login_failed', 'user.login_failed', 'user.locked', 'user.login_locked', 'user.login_locked'])
  })

  it('when the lock has run out the right password opens a session and the count starts again', async () => {
    await createUser(handle.db, { username: 'het.khoa', displayName: 'Hết khóa', password: TEST_PASSWORD, unitCode: 'H23.07', role: 'leader' }, 'test')
    for (let i = 0; i < 5; i++) await login(app, 'het.khoa', 'sai-mat-khau-123', { remoteAddress: '192.0.2.3' })
    expect((await login(app, 'het.khoa', TEST_PASSWORD, { remoteAddress: '192.0.2.3' })).statusCode).toBe(423)
    await handle.db.updateTable('login_failures').set({ locked_until: new Date(Date.now() - 1000) }).where('username', '=', 'het.khoa').execute()
    expect((await login(app, 'het.khoa', TEST_PASSWORD, { remoteAddress: '192.0.2.3' })).statusCode).toBe(200)
    expect(await handle.db.selectFrom('login_failures').select('username').where('username', '=', 'het.khoa').execute()).toEqual([])
  })
})

describe('behind a proxy', () => {
  it('with the proxy trusted, failures count per client (X-Forwarded-For); the cookie is Secure when told so', async () => {
    // A second server over the same database: only the proxy and cookie options differ.
    const behind = await buildServer(handle, { filesDir: tempDir(), trustProxy: ['10.1.1.1'], secureCookies: true })
    try {
      const via = (client: string) => ({ remoteAddress: '10.1.1.1', headers: { 'x-forwarded-for': client } })
      for (let i = 0; i < 20; i++) await login(behind, `doan.${i % 5}`, `sai-${i}-mat-khau`, via('100.64.0.1'))
      expect((await login(behind, staff[0]!, TEST_PASSWORD, via('100.64.0.1'))).statusCode).toBe(423)
      const other = await login(behind, staff[0]!, TEST_PASSWORD, via('100.64.0.2'))
      expect(other.statusCode).toBe(200)
      expect(other.cookies.find((c) => c.name === 'motcua_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' })
      const audit = await handle.db.selectFrom('audit_log').select('ip').where('action', '=', 'user.login').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
      expect(audit.ip).toBe('100.64.0.2')
    } finally {
      await behind.close()
    }
  })

  it('with no proxy trusted, a forged X-Forwarded-For changes nothing: the address is the connection’s, and the cookie is not Secure', async () => {
    const from = (i: number) => ({ remoteAddress: '198.51.100.99', headers: { 'x-forwarded-for': `100.64.1.${i}` } })
    for (let i = 0; i < 20; i++) await login(app, `gia.${i % 5}`, `sai-${i}-mat-khau`, from(i))
    expect((await login(app, staff[1]!, TEST_PASSWORD, from(99))).statusCode).toBe(423)
    const plain = await login(app, staff[1]!, TEST_PASSWORD, { remoteAddress: '198.51.100.100' })
    expect(plain.cookies.find((c) => c.name === 'motcua_session')!.secure).toBeFalsy()
  })
})
