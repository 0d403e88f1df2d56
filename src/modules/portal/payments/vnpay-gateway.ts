import { randomBytes } from 'node:crypto'
import { gatewaySignatureValid, signedQuery, signGatewayParams, type GatewayParams } from './gateway-signature.js'
import type { GatewayResult, PaymentGateway, PaymentRequest, RefundResult } from './payment-gateway.js'

export interface VnpaySettings {
  tmnCode: string
  secret: string
  /** Where the citizen is sent to pay (the gateway's payment page). */
  payUrl: string
  /** Posts a signed JSON request to the gateway's back-office API (querydr, refund) and returns its JSON answer. */
  callApi: (body: GatewayParams) => Promise<GatewayParams>
}

/** yyyyMMddHHmmss in Vietnam time, as the gateway dates everything. */
export function gatewayDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

const SUCCESS = '00'

function resultOf(params: GatewayParams): GatewayResult {
  return {
    txnRef: params.vnp_TxnRef ?? '',
    amountVnd: Math.round(Number(params.vnp_Amount ?? '0') / 100),
    paid: params.vnp_ResponseCode === SUCCESS && (params.vnp_TransactionStatus ?? SUCCESS) === SUCCESS,
    responseCode: params.vnp_ResponseCode ?? '',
    transactionNo: params.vnp_TransactionNo && params.vnp_TransactionNo !== '0' ? params.vnp_TransactionNo : null,
  }
}

/** The VNPay (2.1.0) protocol: amounts in hundredths of a đồng, every message signed with HMAC-SHA512. */
export function createVnpayGateway(settings: VnpaySettings): PaymentGateway {
  const signed = (params: GatewayParams) => ({ ...params, vnp_SecureHash: signGatewayParams(params, settings.secret) })
  const callApi = async (params: GatewayParams) => {
    const answer = await settings.callApi(signed(params))
    if (!gatewaySignatureValid(answer, settings.secret)) throw new Error('gateway answer with a bad signature')
    return answer
  }
  const common = (command: string, now: Date) => ({
    vnp_RequestId: randomBytes(8).toString('hex'), vnp_Version: '2.1.0', vnp_Command: command, vnp_TmnCode: settings.tmnCode, vnp_CreateDate: gatewayDate(now), vnp_IpAddr: '127.0.0.1',
  })
  return {
    name: 'vnpay',
    paymentUrl(request: PaymentRequest) {
      const params: GatewayParams = {
        vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: settings.tmnCode, vnp_Amount: String(request.amountVnd * 100), vnp_CurrCode: 'VND',
        vnp_TxnRef: request.txnRef, vnp_OrderInfo: request.orderInfo, vnp_OrderType: 'other', vnp_Locale: 'vn', vnp_ReturnUrl: request.returnUrl,
        vnp_IpAddr: request.clientIp, vnp_CreateDate: gatewayDate(request.createdAt), vnp_ExpireDate: gatewayDate(new Date(request.createdAt.getTime() + 15 * 60_000)),
      }
      return `${settings.payUrl}?${signedQuery(params, settings.secret)}`
    },
    readCallback(params) {
      if (!gatewaySignatureValid(params, settings.secret) || params.vnp_TmnCode !== settings.tmnCode) return null
      return resultOf(params)
    },
    async query(txnRef, createdAt) {
      const answer = await callApi({ ...common('querydr', new Date()), vnp_TxnRef: txnRef, vnp_TransactionDate: gatewayDate(createdAt), vnp_OrderInfo: `Truy van ${txnRef}` })
      if (answer.vnp_ResponseCode === '91') return null // no such transaction
      return resultOf(answer)
    },
    async refund(payment, reason): Promise<RefundResult> {
      const answer = await callApi({
        ...common('refund', new Date()), vnp_TransactionType: '02', vnp_TxnRef: payment.txnRef, vnp_Amount: String(payment.amountVnd * 100),
        vnp_TransactionNo: payment.transactionNo ?? '', vnp_TransactionDate: gatewayDate(payment.createdAt), vnp_CreateBy: 'motcua', vnp_OrderInfo: reason.slice(0, 255),
      })
      return { ok: answer.vnp_ResponseCode === SUCCESS, responseCode: answer.vnp_ResponseCode ?? '' }
    },
  }
}
