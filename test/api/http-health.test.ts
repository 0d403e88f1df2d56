import { startApiServer, stopApiServer } from '../support/api-server.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../src/db/open-database.js'

let handle: DatabaseHandle
let app: FastifyInstance

beforeAll(async () => {
  ;({ handle, app } = await startApiServer())
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

describe('the HTTP server', () => {
  it('answers GET /api/health with 200 and the kind of database', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: handle.kind })
  })

  it('answers an unknown address with 404 and a Vietnamese message', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/khong-co' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ error: 'not_found', message: 'Không tìm thấy địa chỉ yêu cầu' })
  })
})

describe('compression', () => {
  it('compresses a large answer for a client that accepts gzip, and not for one that does not', async () => {
    const compressed = await app.inject({ method: 'GET', url: '/docs/json', headers: { 'accept-encoding': 'gzip' } })
    expect(compressed.statusCode).toBe(200)
    expect(compressed.headers['content-encoding']).toBe('gzip')
    const plain = await app.inject({ method: 'GET', url: '/docs/json' })
    expect(plain.headers['content-encoding']).toBeUndefined()
  })
})
