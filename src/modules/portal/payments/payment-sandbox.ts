import { gatewaySignatureValid, signedQuery, signGatewayParams, type GatewayParams } from './gateway-signature.js'

interface SandboxTransaction {
  amount: string
  status: 'paid' | 'cancelled' | 'refunded'
  transactionNo: string
  payDate: string
}

export interface SandboxCompletion {
  /** Where the citizen's browser goes back to, with the signed result. */
  returnUrl: string
  /** The signed server-to-server notice (IPN) the merchant must receive. */
  ipnQuery: string
}

/**
 * A local payment gateway speaking the VNPay protocol, for development and tests: it checks the
 * merchant's signed redirect, lets the "citizen" pay or cancel, signs its return and IPN with the
 * shared secret, keeps a ledger, and answers querydr and refund. Nothing leaves the process.
 */
export class PaymentSandbox {
  private readonly ledger = new Map<string, SandboxTransaction>()
  private sequence = 14_000_000

  constructor(
    readonly tmnCode: string,
    private readonly secret: string,
  ) {}

  /** The redirect's parameters if they are the merchant's, signed; otherwise why not (Vietnamese). */
  checkRedirect(params: GatewayParams): string | null {
    if (params.vnp_TmnCode !== this.tmnCode) return 'Sai mã đơn vị chấp nhận thanh toán'
    if (!gatewaySignatureValid(params, this.secret)) return 'Sai chữ ký yêu cầu thanh toán'
    if (!/^[0-9]+$/.test(params.vnp_Amount ?? '') || !params.vnp_TxnRef || !params.vnp_ReturnUrl) return 'Thiếu thông tin giao dịch'
    return null
  }

  /** The citizen paid (or cancelled): the ledger records it; the return and the IPN are signed. */
  complete(params: GatewayParams, pay: boolean): SandboxCompletion {
    const txnRef = params.vnp_TxnRef!
    const existing = this.ledger.get(txnRef)
    const transaction = existing ?? { amount: params.vnp_Amount!, status: pay ? 'paid' : 'cancelled', transactionNo: pay ? String(++this.sequence) : '0', payDate: params.vnp_CreateDate ?? '' }
    this.ledger.set(txnRef, transaction)
    const result: GatewayParams = {
      vnp_TmnCode: this.tmnCode, vnp_Amount: transaction.amount, vnp_BankCode: 'NCB', vnp_OrderInfo: params.vnp_OrderInfo ?? '', vnp_PayDate: transaction.payDate,
      vnp_ResponseCode: transaction.status === 'cancelled' ? '24' : '00', vnp_TransactionNo: transaction.transactionNo,
      vnp_TransactionStatus: transaction.status === 'cancelled' ? '02' : '00', vnp_TxnRef: txnRef,
    }
    const query = signedQuery(result, this.secret)
    return { returnUrl: `${params.vnp_ReturnUrl}${params.vnp_ReturnUrl!.includes('?') ? '&' : '?'}${query}`, ipnQuery: query }
  }

  /** The back-office API: querydr and refund, signed both ways. */
  api(request: GatewayParams): GatewayParams {
    const answer = (fields: GatewayParams) => ({ ...fields, vnp_SecureHash: signGatewayParams(fields, this.secret) })
    const base = { vnp_TmnCode: this.tmnCode, vnp_TxnRef: request.vnp_TxnRef ?? '', vnp_Command: request.vnp_Command ?? '' }
    if (request.vnp_TmnCode !== this.tmnCode || !gatewaySignatureValid(request, this.secret)) return answer({ ...base, vnp_ResponseCode: '97' })
    const transaction = this.ledger.get(request.vnp_TxnRef ?? '')
    if (!transaction) return answer({ ...base, vnp_ResponseCode: '91' })
    if (request.vnp_Command === 'querydr') {
      return answer({ ...base, vnp_ResponseCode: '00', vnp_Amount: transaction.amount, vnp_TransactionNo: transaction.transactionNo, vnp_TransactionStatus: transaction.status === 'paid' ? '00' : transaction.status === 'refunded' ? '06' : '02' })
    }
    if (request.vnp_Command === 'refund') {
      if (transaction.status !== 'paid' || request.vnp_Amount !== transaction.amount) return answer({ ...base, vnp_ResponseCode: '94' })
      transaction.status = 'refunded'
      return answer({ ...base, vnp_ResponseCode: '00', vnp_Amount: transaction.amount })
    }
    return answer({ ...base, vnp_ResponseCode: '99' })
  }

  /** A transaction the gateway holds that the merchant never heard of (a lost IPN): for reconciliation tests and the sandbox page. */
  transactionOf(txnRef: string): SandboxTransaction | undefined {
    return this.ledger.get(txnRef)
  }
}
