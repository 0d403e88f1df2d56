import { randomBytes } from 'node:crypto'
import type { AppConfig } from '../../../config/app-config.js'
import type { GatewayParams } from './gateway-signature.js'
import type { PaymentGateway } from './payment-gateway.js'
import { PaymentSandbox } from './payment-sandbox.js'
import { createVnpayGateway } from './vnpay-gateway.js'

export interface PaymentSettings {
  /** The in-process sandbox (development, tests): its page at /sandbox-payment/pay. */
  sandbox?: boolean
  /** A real VNPay-style gateway. */
  vnpay?: { tmnCode: string; secret: string; payUrl: string; apiUrl: string }
}

export interface ConfiguredPayments {
  gateway: PaymentGateway | null
  sandbox: PaymentSandbox | null
}

/** The gateway the configuration names: the real one when given, else the sandbox when enabled, else none (online payment is not offered). */
export function configuredPayments(settings: PaymentSettings = {}): ConfiguredPayments {
  if (settings.vnpay) {
    const { apiUrl } = settings.vnpay
    const callApi = async (body: GatewayParams): Promise<GatewayParams> => {
      const response = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) })
      if (!response.ok) throw new Error(`payment gateway answered ${response.status}`)
      return (await response.json()) as GatewayParams
    }
    return { gateway: createVnpayGateway({ ...settings.vnpay, callApi }), sandbox: null }
  }
  if (settings.sandbox) {
    const secret = randomBytes(32).toString('hex')
    const sandbox = new PaymentSandbox('MOTCUA01', secret)
    const gateway = createVnpayGateway({ tmnCode: sandbox.tmnCode, secret, payUrl: '/sandbox-payment/pay', callApi: async (body) => sandbox.api(body) })
    return { gateway, sandbox }
  }
  return { gateway: null, sandbox: null }
}

/** The payment part of the configuration: a gateway only when all four of its settings are given. */
export function paymentSettingsOf(config: AppConfig): PaymentSettings {
  const { paymentTmnCode: tmnCode, paymentSecret: secret, paymentUrl: payUrl, paymentApiUrl: apiUrl } = config
  if (tmnCode && secret && payUrl && apiUrl) return { vnpay: { tmnCode, secret, payUrl, apiUrl } }
  return { sandbox: config.paymentSandbox }
}
