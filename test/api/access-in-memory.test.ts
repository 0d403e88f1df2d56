import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { hashPassword } from '../../src/modules/accounts/password-hash.js'
import { revokeAllSessions } from '../../src/modules/accounts/sessions.js'
import { importUnits } from '../../src/modules/units/import-units.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { UNITS_CSV, tempDir, writeCsv } from '../support/files.js'
import { signIn, TEST_PASSWORD, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'

/*
 * A session's actor and the units it sees are kept in memory between requests (issue 13): every
 * change to who an official is or what they may see must still hold from the very next request.
 * Each test first makes a request, so the actor is in memory, then changes it and asks again.
 */
let handle: DatabaseHandle
let app: FastifyInstance
let leader: SignedIn

const THANH_HA = 'H23.08,Huyện Thanh Hà,district,H23'
const SEPTEMBER = 'from=2022-09-01&to=2022-09-30'
const QUANG_TRUNG_TABLE = `/api/v1/indicators?unit=H23.07.02&${SEPTEMBER}`
const DISTRICT_TABLE = `/api/v1/indicators?unit=H23.07&${SEPTEMBER}&children=true`
const DISTRICT_LISTS = `/api/v1/indicators/lists?unit=H23.07&${SEPTEMBER}&indicator=on_time_rate`

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
  await loadSmallDistrict(
    handle,
    [
      'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,2022-09-05T17:00:00+07:00,2022-09-05T10:00:00+07:00,,finished,1,1,true,0,,0,satisfied',
      'QT-1,H23.07.02,1.001193,direct,2022-09-06T08:00:00+07:00,2022-09-06T17:00:00+07:00,,,processing,1,0,,0,,0,',
    ],
    [THANH_HA],
  )
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})
beforeEach(async () => {
  leader = await signIn(app, handle, 'leader', 'H23.07')
  expect((await leader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(200)
})

const userOf = (official: SignedIn) => handle.db.selectFrom('users').select(['id', 'username']).where('username', '=', official.username).executeTakeFirstOrThrow()

describe('a change to an official takes effect at the very next request', () => {
  it('logging out ends the session for the next request, and the logout is audited', async () => {
    expect((await leader.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200)
    expect((await leader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(401)
    const audited = await handle.db.selectFrom('audit_log').select('action').where('actor', '=', `user:${leader.username}`).where('action', '=', 'user.logout').execute()
    expect(audited).toHaveLength(1)
  })

  it('a password changed with the sessions ended in its transaction leaves the old cookie without access', async () => {
    const { id } = await userOf(leader)
    const newHash = await hashPassword('mat-khau-moi-cua-lanh-dao-2022')
    await handle.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: newHash }).where('id', '=', id).execute()
      await revokeAllSessions(trx, id)
    })
    expect((await leader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(401)
    const oldPassword = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: leader.username, password: TEST_PASSWORD } })
    expect(oldPassword.statusCode).toBe(401)
  })

  it('a role changed is the role of the next request: a leader made officer no longer reads the officials', async () => {
    expect((await leader.inject('/api/v1/officials?unit=H23.07')).statusCode).toBe(200)
    await handle.db.updateTable('users').set({ role: 'officer' }).where('username', '=', leader.username).execute()
    expect((await leader.inject('/api/v1/officials?unit=H23.07')).statusCode).toBe(403)
    expect((await leader.inject('/api/v1/auth/me')).json()).toMatchObject({ role: 'officer' })
  })

  it('a disabled account is refused at the next request', async () => {
    await handle.db.updateTable('users').set({ active: false }).where('username', '=', leader.username).execute()
    expect((await leader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(401)
  })

  it('an official moved to a commune sees only that commune from the next request', async () => {
    const anThanh = await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()
    await handle.db.updateTable('users').set({ unit_id: anThanh.id }).where('username', '=', leader.username).execute()
    expect((await leader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(404)
    expect((await leader.inject(`/api/v1/indicators?unit=H23.07.01&${SEPTEMBER}`)).statusCode).toBe(200)
  })

  it('a commune moved to another district is out of the first district leader’s sight at the next request', async () => {
    const moved = UNITS_CSV.map((line) => (line.startsWith('H23.07.02,') ? 'H23.07.02,Xã Quang Trung,commune,H23.08' : line))
    await importUnits(handle, writeCsv(tempDir(), 'units.csv', [...moved, THANH_HA]), { skipInvalid: false, ignoreUnknown: false })
    expect((await leader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(404)
    const thanhHaLeader = await signIn(app, handle, 'leader', 'H23.08')
    expect((await thanhHaLeader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(200)
    // Back where it was, for the other tests.
    await importUnits(handle, writeCsv(tempDir(), 'units.csv', [...UNITS_CSV, THANH_HA]), { skipInvalid: false, ignoreUnknown: false })
    expect((await leader.inject(QUANG_TRUNG_TABLE)).statusCode).toBe(200)
  })
})

describe('the dashboard’s calls share their work', () => {
  const misses = async () => {
    const admin = await signIn(app, handle, 'system_admin', 'H23')
    return ((await admin.inject('/api/v1/metrics')).json().figure_cache as { misses: number }).misses
  }

  it('the praise and criticism lists are drawn from the table already computed for the dashboard', async () => {
    const before = await misses()
    const table = await leader.inject(DISTRICT_TABLE)
    expect(table.statusCode).toBe(200)
    const lists = await leader.inject(DISTRICT_LISTS)
    expect(lists.statusCode, lists.body).toBe(200)
    expect(lists.json()).toHaveProperty('above')
    expect(await misses()).toBe(before + 1)
  })

  it('a client taking gzip gets the kept answer compressed, the same figures as without', async () => {
    const plain = await leader.inject(DISTRICT_TABLE)
    const gzipped = await leader.inject({ method: 'GET', url: DISTRICT_TABLE, headers: { 'accept-encoding': 'gzip' } })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(gzipped.rawPayload).toString('utf8'))).toEqual(plain.json())
    const refused = await leader.inject({ method: 'GET', url: DISTRICT_TABLE, headers: { 'accept-encoding': 'gzip;q=0' } })
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.json()).toEqual(plain.json())
  })
})
