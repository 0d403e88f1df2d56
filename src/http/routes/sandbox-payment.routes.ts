import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { PaymentSandbox } from '../../modules/portal/payments/payment-sandbox.js'

const open = { access: { public: true as const } }
const Params = z.record(z.string().regex(/^[A-Za-z_]{1,40}$/), z.string().max(1000))
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The local payment sandbox's pages (development and tests only, MOTCUA_PAYMENT_SANDBOX): the
 * gateway's payment page, where the "citizen" pays or cancels; completing it sends the signed
 * IPN to the merchant (in process) and the browser back to the merchant's return address.
 */
export function registerSandboxPaymentRoutes(app: FastifyInstance, sandbox: PaymentSandbox): void {
  const api = app.withTypeProvider<ZodTypeProvider>()

  api.get('/sandbox-payment/pay', {
    config: open,
    schema: { hide: true, querystring: Params },
    handler: async (request, reply) => {
      const problem = sandbox.checkRedirect(request.query)
      if (problem) return reply.status(400).type('text/plain; charset=utf-8').send(problem)
      const hidden = Object.entries(request.query).map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('')
      const amount = new Intl.NumberFormat('vi-VN').format(Number(request.query.vnp_Amount) / 100)
      return reply.type('text/html; charset=utf-8').send(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng thanh toán thử nghiệm</title></head>
<body><main><h1>Cổng thanh toán thử nghiệm</h1><p>Đơn vị: ${escape(request.query.vnp_TmnCode ?? '')}</p><p>Nội dung: ${escape(request.query.vnp_OrderInfo ?? '')}</p><p>Số tiền: <strong>${amount} đồng</strong></p>
<form method="get" action="/sandbox-payment/complete">${hidden}<button type="submit" name="sandbox_outcome" value="pay">Thanh toán</button> <button type="submit" name="sandbox_outcome" value="cancel">Hủy giao dịch</button></form></main></body></html>`)
    },
  })

  api.get('/sandbox-payment/complete', {
    config: open,
    schema: { hide: true, querystring: Params },
    handler: async (request, reply) => {
      const { sandbox_outcome: outcome, ...params } = request.query
      const problem = sandbox.checkRedirect(params)
      if (problem) return reply.status(400).type('text/plain; charset=utf-8').send(problem)
      const completion = sandbox.complete(params, outcome === 'pay')
      // The gateway tells the merchant's server first (IPN), then sends the browser back.
      await app.inject({ method: 'GET', url: `/api/v1/public/payments/ipn?${completion.ipnQuery}` })
      return reply.redirect(completion.returnUrl, 302)
    },
  })

  api.post('/sandbox-payment/api', {
    config: open,
    schema: { hide: true, body: Params },
    handler: async (request) => sandbox.api(request.body),
  })
}
