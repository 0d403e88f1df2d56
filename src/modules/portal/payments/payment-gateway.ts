/**
 * A payment gateway as motcua uses it (the adapter's interface): a signed address to send the
 * citizen to, the signed callbacks read back (the browser's return and the server-to-server
 * IPN), and the two back-office calls reconciliation needs — what became of a transaction, and
 * a refund. The VNPay-style adapter implements it; a local sandbox answers it in development.
 */
export interface PaymentRequest {
  txnRef: string
  amountVnd: number
  orderInfo: string
  returnUrl: string
  clientIp: string
  createdAt: Date
}

/** What the gateway says of a transaction. */
export interface GatewayResult {
  txnRef: string
  amountVnd: number
  paid: boolean
  responseCode: string
  transactionNo: string | null
}

export interface RefundResult {
  ok: boolean
  responseCode: string
}

export interface PaymentGateway {
  readonly name: string
  paymentUrl(request: PaymentRequest): string
  /** A callback's parameters: null when the signature does not verify (a forged or altered callback). */
  readCallback(params: Record<string, string>): GatewayResult | null
  /** The gateway's record of a transaction (null: it has none). */
  query(txnRef: string, createdAt: Date): Promise<GatewayResult | null>
  refund(payment: { txnRef: string; amountVnd: number; transactionNo: string | null; createdAt: Date }, reason: string): Promise<RefundResult>
}
