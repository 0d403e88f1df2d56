import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { handleError } from '../../src/http/error-handler.js'
import { registerRequestDeadline } from '../../src/http/plugins/request-deadline.js'

/** A server with one route whose work only ends when the request's signal tells it to stop. */
async function serverWithEndlessWork(deadlineMs: number) {
  const app = Fastify()
  app.setErrorHandler(handleError)
  registerRequestDeadline(app, deadlineMs)
  let stopped!: (reason: unknown) => void
  const stoppedWith = new Promise<unknown>((resolve) => (stopped = resolve))
  let arrived!: () => void
  const working = new Promise<void>((resolve) => (arrived = resolve))
  app.get('/endless', async (request) => {
    arrived()
    await new Promise((_resolve, reject) => request.workSignal.addEventListener('abort', () => reject(request.workSignal.reason)))
    return {}
  })
  app.addHook('onRequest', async (request) => request.workSignal.addEventListener('abort', () => stopped(request.workSignal.reason)))
  return { app, stoppedWith, working }
}

describe('a request that runs too long or whose client has gone', () => {
  it('is answered 503 in Vietnamese once past the server deadline, and its work told to stop', async () => {
    const { app, stoppedWith } = await serverWithEndlessWork(50)
    const response = await app.inject('/endless')
    expect(response.statusCode).toBe(503)
    expect(response.json()).toMatchObject({ error: 'unavailable', message: expect.stringContaining('quá tải') })
    await expect(stoppedWith).resolves.toBeDefined()
    await app.close()
  })

  it('stops its work when the client closes the connection before the answer', async () => {
    const { app, stoppedWith, working } = await serverWithEndlessWork(600_000)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    const client = httpRequest({ host: '127.0.0.1', port, path: '/endless' })
    client.on('error', () => undefined)
    client.end()
    // Once the work has started, the client leaves.
    await working
    client.destroy()
    await expect(stoppedWith).resolves.toMatchObject({ message: 'client closed the connection' })
    await app.close()
  })
})
