import type { FastifyInstance } from 'fastify'

/**
 * The console's own policy: scripts and connections from this origin only (Vite emits no inline
 * script); styles may be inline because Ant Design writes its CSS-in-JS into <style> elements and
 * ECharts sets element styles; images may be data:/blob: URIs (icons, the XLSX download link). No page
 * may frame the console (clickjacking a desk action), nor may it post forms or load plugins elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const EVERY_ANSWER: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
}

/**
 * Security headers on every answer, errors and 404s included (a hook on send, so no route can
 * forget them). API answers carry personal data and figures: no cache, shared or private, keeps them.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(EVERY_ANSWER)) void reply.header(name, value)
    const path = request.url.split('?')[0] ?? ''
    if (path === '/api' || path.startsWith('/api/')) void reply.header('cache-control', 'no-store')
    return payload
  })
}
