import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** Where `npm run build:web` writes the console (web/dist, gitignored). */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url))

/**
 * The web console: the files Vite built, at `/`, and index.html for any other GET outside
 * /api and /docs so the browser's own routes (/dang-nhap, /…) reload; portal.html (the citizens'
 * portal) for /cong-dich-vu/… and /tra-cuu/<mã hồ sơ>. The pages are public;
 * the data behind them is not (every /api route checks the session). Dot folders (Vite's .vite/manifest.json)
 * and `..` are never served.
 */
export async function registerWebConsole(app: FastifyInstance, root: string = WEB_DIST): Promise<void> {
  // serve: false — only reply.sendFile; our own route declares its access as the auth plugin requires.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false })

  app.get('/*', {
    config: { access: { public: true } },
    schema: { hide: true },
    handler: async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/'
      if (path.startsWith('/api/') || path === '/api' || path.startsWith('/docs')) return reply.callNotFound()
      if (!existsSync(root)) {
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('Giao diện web chưa được xây dựng: chạy "npm run build:web" (npm start tự làm việc này).')
      }
      const file = safeDecode(path).replace(/^\/+/, '')
      if (file !== '' && file !== 'index.html' && !file.split('/').some((segment) => segment.startsWith('.')) && isFile(root + file)) {
        // Hashed bundles never change; the page itself is checked on every load.
        if (file.startsWith('assets/')) void reply.header('cache-control', 'public, max-age=31536000, immutable')
        return reply.sendFile(file)
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile(isPortalPath(path) ? 'portal.html' : 'index.html')
    },
  })
}

/** The citizens' portal's own pages (its separate bundle): the catalogue, submission, payment result, and the slips' tracking addresses. */
export function isPortalPath(path: string): boolean {
  return path === '/cong-dich-vu' || path.startsWith('/cong-dich-vu/') || path.startsWith('/tra-cuu/')
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}
