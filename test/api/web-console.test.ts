import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { registerWebConsole } from '../../src/http/routes/web-console.js'
import { tempDir } from '../support/files.js'

/** A built console in miniature: the page, one hashed bundle and Vite's manifest. */
function builtConsole(): string {
  const root = join(tempDir(), 'dist') + '/'
  mkdirSync(join(root, 'assets'), { recursive: true })
  mkdirSync(join(root, '.vite'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>motcua</title><div id="root"></div>')
  writeFileSync(join(root, 'portal.html'), '<!doctype html><title>Cổng dịch vụ công</title><div id="portal"></div>')
  writeFileSync(join(root, 'assets', 'index-abc12345.js'), 'console.log("motcua")')
  writeFileSync(join(root, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-abc12345.js"}}')
  return root
}

async function consoleServer(root: string) {
  const app = Fastify()
  await registerWebConsole(app, root)
  return app
}

describe('the web console’s files', () => {
  it('serves a hashed bundle for a year, and the page for the browser’s own addresses (a dossier page reloads)', async () => {
    const app = await consoleServer(builtConsole())
    const bundle = await app.inject('/assets/index-abc12345.js')
    expect(bundle.statusCode).toBe(200)
    expect(bundle.headers['cache-control']).toContain('immutable')
    for (const path of ['/', '/mot-cua', '/mot-cua/ho-so/H23.07.01-261123-001/in/giay-tiep-nhan', '/chi-so-766?unit=H23.07&ky=2023-Q3']) {
      const page = await app.inject(path)
      expect(page.statusCode, path).toBe(200)
      expect(page.body).toContain('<div id="root">')
      expect(page.headers['cache-control']).toBe('no-cache')
    }
    await app.close()
  })

  it('serves the citizens’ portal, a page of its own, at /cong-dich-vu/ and at the slips’ tracking addresses', async () => {
    const app = await consoleServer(builtConsole())
    for (const path of ['/cong-dich-vu', '/cong-dich-vu/', '/cong-dich-vu/thu-tuc/1.001193', '/cong-dich-vu/thanh-toan?vnp_TxnRef=MC1', '/tra-cuu/H23.07.01-261123-001']) {
      const page = await app.inject(path)
      expect(page.statusCode, path).toBe(200)
      expect(page.body, path).toContain('<div id="portal">')
    }
    expect((await app.inject('/tra-cuu-khac')).body).toContain('<div id="root">')
    await app.close()
  })

  it('never serves a dot folder (Vite’s manifest) nor a path climbing out: the page comes back instead', async () => {
    const app = await consoleServer(builtConsole())
    for (const path of ['/.vite/manifest.json', '/assets/../.vite/manifest.json', '/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await app.inject(path)
      expect(response.statusCode, path).toBe(200)
      expect(response.body, path).toContain('<div id="root">')
      expect(response.body, path).not.toContain('"file"')
      expect(response.body, path).not.toContain('root:')
    }
    await app.close()
  })

  it('leaves /api to the API (404) and says in Vietnamese when the console was never built', async () => {
    const app = await consoleServer(join(tempDir(), 'missing') + '/')
    expect((await app.inject('/api/v1/khong-co')).statusCode).toBe(404)
    const page = await app.inject('/')
    expect(page.statusCode).toBe(503)
    expect(page.body).toContain('npm run build:web')
    await app.close()
  })
})
