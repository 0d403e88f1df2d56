import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The signature of a VNPay-style gateway (version 2.1.0): the `vnp_` parameters sorted by name,
 * joined as a form-encoded query string (spaces as +), HMAC-SHA512 with the merchant's secret,
 * in hex. The same rule signs the redirect to the gateway, its return and its IPN callback.
 */
export type GatewayParams = Record<string, string>

const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+')

export function signedData(params: GatewayParams): string {
  return Object.keys(params)
    .filter((key) => key.startsWith('vnp_') && key !== 'vnp_SecureHash' && key !== 'vnp_SecureHashType' && params[key] !== '')
    .sort()
    .map((key) => `${formEncode(key)}=${formEncode(params[key]!)}`)
    .join('&')
}

export function signGatewayParams(params: GatewayParams, secret: string): string {
  return createHmac('sha512', secret).update(signedData(params), 'utf8').digest('hex')
}

/** True when `vnp_SecureHash` is the signature of the other parameters (compared in constant time). */
export function gatewaySignatureValid(params: GatewayParams, secret: string): boolean {
  const given = Buffer.from(params.vnp_SecureHash ?? '', 'hex')
  const expected = Buffer.from(signGatewayParams(params, secret), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The parameters as a query string, the signature last. */
export function signedQuery(params: GatewayParams, secret: string): string {
  return `${signedData(params)}&vnp_SecureHash=${signGatewayParams(params, secret)}`
}
