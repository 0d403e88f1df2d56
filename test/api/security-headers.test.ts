import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { tempDir } from '../support/files.js'
import { fillPath, operationName, operationsOf, SAMPLE_PATH_PARAMS } from '../support/openapi-operations.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'

let handle: DatabaseHandle
let app: FastifyInstance
let districtLeader: SignedIn

function miniatureConsole(): string {
  const root = join(tempDir(), 'dist') + '/'
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>motcua</title><div id="root"></div><script type="module" src="/assets/index-abc12345.js"></script>')
  writeFileSync(join(root, 'assets', 'index-abc12345.js'), 'console.log("motcua")')
  return root
}

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir(), webDist: miniatureConsole() }))
  await loadSmallDistrict(handle, ['AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,2,2,,0,,0,'])
  districtLeader = await signIn(app, handle, 'leader', 'H23.07')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

function expectSecurityHeaders(response: LightMyRequestResponse, what: string): void {
  const csp = String(response.headers['content-security-policy'])
  expect(csp, what).toMatch(/(^|; )default-src 'self'(;|$)/)
  expect(csp, what).toMatch(/(^|; )script-src 'self'(;|$)/)
  expect(csp, what).toMatch(/(^|; )frame-ancestors 'none'(;|$)/)
  expect(csp, what).toMatch(/(^|; )object-src 'none'(;|$)/)
  expect(response.headers['x-frame-options'], what).toBe('DENY')
  expect(response.headers['x-content-type-options'], what).toBe('nosniff')
  expect(response.headers['referrer-policy'], what).toBe('no-referrer')
}

describe('security headers', () => {
  it('every API answer — success, refusal, error, unknown address — carries them and Cache-Control: no-store', async () => {
    const answers: [string, LightMyRequestResponse][] = [
      ['a figure', await districtLeader.inject('/api/v1/indicators?unit=H23.07&from=2022-09-05&to=2022-09-09')],
      ['a dossier', await districtLeader.inject('/api/v1/dossiers/AT-1')],
      ['no session', await app.inject('/api/v1/units')],
      ['another unit', await districtLeader.inject('/api/v1/indicators?unit=H23&from=2022-09-05&to=2022-09-09')],
      ['a bad query', await districtLeader.inject('/api/v1/indicators?unit=H23.07&from=hom-qua&to=2022-09-09')],
      ['an unknown address', await app.inject('/api/v1/khong-co')],
      ['a failed login', await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ai.do', password: 'sai-mat-khau-1' } })],
      ['health', await app.inject('/api/health')],
    ]
    expect(answers.map(([, r]) => r.statusCode)).toEqual([200, 200, 401, 404, 400, 404, 401, 200])
    for (const [what, response] of answers) {
      expectSecurityHeaders(response, what)
      expect(response.headers['cache-control'], what).toBe('no-store')
    }
  })

  it('every GET of the OpenAPI document answers with them, signed in or not', async () => {
    const gets = (await operationsOf(app)).filter((o) => o.method === 'GET')
    for (const operation of gets) {
      const url = fillPath(operation.path, SAMPLE_PATH_PARAMS)
      for (const response of [await app.inject(url), await districtLeader.inject(url)]) {
        expectSecurityHeaders(response, operationName(operation))
        expect(response.statusCode, operationName(operation)).toBeLessThan(500)
        if (url.startsWith('/api')) expect(response.headers['cache-control'], operationName(operation)).toBe('no-store')
      }
    }
  })

  it('the console’s page and bundles and the API browser carry them; styles may be inline (Ant Design), scripts may not; bundles stay cacheable', async () => {
    const page = await app.inject('/mot-cua')
    expect(page.statusCode).toBe(200)
    expectSecurityHeaders(page, 'the page')
    expect(page.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/)
    expect(page.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/)
    expect(page.headers['cache-control']).toBe('no-cache')
    const bundle = await app.inject('/assets/index-abc12345.js')
    expectSecurityHeaders(bundle, 'a bundle')
    expect(bundle.headers['cache-control']).toContain('immutable')
    const docs = await app.inject('/docs/')
    expect(docs.statusCode).toBe(200)
    expectSecurityHeaders(docs, 'the API browser')
    // The API browser's own page loads only scripts of its own: no inline one the policy would block.
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\ssrc=)[^>]*>\s*\S/)
  })
})
