import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { openDatabase, type DatabaseHandle } from '../../src/db/open-database.js'
import { buildServer } from '../../src/http/build-server.js'
import { windowOf } from '../../src/domain/throttles/fixed-window.js'
import { countHit } from '../../src/modules/throttles/throttle-counters.js'
import { tempDir } from '../support/files.js'
import { createServerTestDatabase, createTestDatabase } from '../support/test-database.js'

/**
 * Two server processes on one database: the portal's throttles are one allowance between them,
 * counted in the database. On PGlite the two servers share the embedded database; with
 * DATABASE_URL each has its own connection pool to the same server database.
 */
let now = new Date('2026-11-26T08:05:00.000Z')
const clock = () => now
const handles: DatabaseHandle[] = []
let first: FastifyInstance
let second: FastifyInstance
let drop: (() => Promise<void>) | null = null

beforeAll(async () => {
  const server = await createServerTestDatabase()
  if (server) {
    drop = server.drop
    handles.push(await openDatabase({ databaseUrl: server.url }), await openDatabase({ databaseUrl: server.url }))
  } else {
    const shared = await createTestDatabase()
    handles.push(shared, shared)
  }
  const options = { filesDir: tempDir(), portal: { secret: 'bí-mật-thử', clock } }
  first = await buildServer(handles[0]!, options)
  second = await buildServer(handles[1]!, options)
})
afterAll(async () => {
  await first.close()
  await second.close()
  for (const handle of new Set(handles)) await handle.close()
  await drop?.()
})

const guessFrom = (app: FastifyInstance, ip: string, i: number) =>
  app.inject({ url: `/api/v1/public/dossiers/H23.07.01-261126-${String(i).padStart(3, '0')}?phone=0900000000`, remoteAddress: ip })

describe('the portal throttles are shared by every server on the database', () => {
  it('refuses the eleventh wrong tracking guess from an address, half of them made at each server, in Vietnamese with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await guessFrom(i % 2 === 0 ? first : second, '192.0.2.10', i)).statusCode).toBe(404)
    for (const app of [first, second]) {
      const refused = await guessFrom(app, '192.0.2.10', 99)
      expect(refused.statusCode).toBe(429)
      // 08:05 in a window of 15 minutes from 08:00: ten minutes to wait.
      expect(refused.headers['retry-after']).toBe('600')
      expect(refused.json()).toMatchObject({ error: 'too_many_requests', message: 'Quá nhiều lần thử từ địa chỉ này; hãy thử lại sau 10 phút' })
    }
    // Another address is not held back.
    expect((await guessFrom(second, '192.0.2.11', 1)).statusCode).toBe(404)
  })

  it('lets the address try again once its window is over, without waiting for real', async () => {
    now = new Date('2026-11-26T08:15:00.000Z')
    expect((await guessFrom(first, '192.0.2.10', 1)).statusCode).toBe(404)
    const live = await handles[0]!.db.selectFrom('throttle_counters').select('window_start').execute()
    // The windows that were over are swept by the first hit of a new one.
    expect(live.every((row) => new Date(row.window_start).getTime() >= now.getTime())).toBe(true)
  })

  it('counts one-time-code requests of an address across servers', async () => {
    const ask = (app: FastifyInstance, i: number) =>
      app.inject({ method: 'POST', url: '/api/v1/public/otp', payload: { phone: `09111111${String(i).padStart(2, '0')}` }, remoteAddress: '198.51.100.20' })
    for (let i = 0; i < 10; i++) expect((await ask(i < 5 ? first : second, i)).statusCode).toBe(200)
    const refused = await ask(first, 10)
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('counts every public request of an address across servers: 120 a minute', async () => {
    now = new Date('2026-11-26T09:00:30.000Z')
    const list = (app: FastifyInstance) => app.inject({ url: '/api/v1/public/procedures?q=khai%20sinh', remoteAddress: '203.0.113.50' })
    for (let i = 0; i < 60; i++) expect((await list(first)).statusCode).toBe(200)
    for (let i = 0; i < 60; i++) expect((await list(second)).statusCode).toBe(200)
    const refused = await list(first)
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['retry-after']).toBe('30')
    expect(refused.json().message).toBe('Quá nhiều lần thử từ địa chỉ này; hãy thử lại sau 30 giây')
    now = new Date('2026-11-26T09:01:00.000Z')
    expect((await list(second)).statusCode).toBe(200)
  })

  it('counts hits made at the same moment from both servers each once: one atomic upsert per hit', async () => {
    const window = windowOf(new Date('2026-11-26T10:00:00.000Z'), 60_000)
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => countHit(handles[i % 2]!.db, 'guess:203.0.113.77', window)))
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
  })

  it('tells a phone that asked three codes when it may ask again', async () => {
    const ask = (ip: string) => second.inject({ method: 'POST', url: '/api/v1/public/otp', payload: { phone: '0977000222' }, remoteAddress: ip })
    for (let i = 0; i < 3; i++) expect((await ask(`198.51.100.${30 + i}`)).statusCode).toBe(200)
    const refused = await ask('198.51.100.40')
    expect(refused.statusCode).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.json().message).toMatch(/^Đã gửi quá nhiều mã cho số điện thoại này; hãy thử lại sau \d+ (phút|giây)$/)
  })
})
