import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PaymentOutcome, PaymentStarted } from '../../../contracts/portal.js'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { portalIdentityOf } from '../../../modules/portal/portal-sessions.js'
import { applyGatewayResult, type PaymentApplied } from '../../../modules/portal/payments/apply-gateway-result.js'
import type { PaymentGateway } from '../../../modules/portal/payments/payment-gateway.js'
import { startPayment } from '../../../modules/portal/payments/start-payment.js'
import { DossierCode, ErrorBody, PlainText } from '../../schemas.js'
import { PORTAL_SESSION_HEADER } from './public-portal.routes.js'

const open = { access: { public: true as const } }
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody }
const CallbackQuery = z.record(z.string().regex(/^vnp_[A-Za-z]{1,40}$/), z.string().max(1000))

/** The gateway's IPN answers, as its protocol wants them. */
const IPN_ANSWER: Record<PaymentApplied['outcome'], { RspCode: string; Message: string }> = {
  paid: { RspCode: '00', Message: 'Confirm Success' },
  failed: { RspCode: '00', Message: 'Confirm Success' },
  already: { RspCode: '02', Message: 'Order already confirmed' },
  unknown: { RspCode: '01', Message: 'Order not found' },
  amount_mismatch: { RspCode: '04', Message: 'Invalid amount' },
}

const MESSAGES: Record<string, string> = {
  paid: 'Thanh toán thành công',
  failed: 'Thanh toán không thành công hoặc đã hủy',
  pending: 'Đang chờ cổng thanh toán xác nhận',
  refunded: 'Đã hoàn tiền',
}

/**
 * Online payment of a dossier's fee: the applicant starts it (a portal session), the gateway
 * calls back twice — the IPN server to server (authoritative) and the browser's return — both
 * signed and both applied idempotently. Without a configured gateway online payment is not offered.
 */
export function registerPublicPaymentRoutes(app: FastifyInstance, handle: DatabaseHandle, gateway: PaymentGateway | null, publicBaseUrl: string): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = handle.db
  const notices = { publicBaseUrl }
  const configured = () => {
    if (!gateway) throw new AppError(ErrorCode.conflict, 'no payment gateway', 'Cổng dịch vụ công chưa kết nối cổng thanh toán; mời nộp phí tại Bộ phận Một cửa')
    return gateway
  }

  api.post('/api/v1/public/dossiers/:code/payment', {
    config: open,
    schema: {
      summary: 'Bắt đầu thanh toán phí, lệ phí trực tuyến: trả về địa chỉ cổng thanh toán',
      tags: ['Cổng dịch vụ công'],
      params: z.object({ code: DossierCode }),
      response: { 200: PaymentStarted, ...errors },
    },
    handler: async (request) => {
      const token = request.headers[PORTAL_SESSION_HEADER]
      const identity = await portalIdentityOf(db, typeof token === 'string' ? token : undefined)
      const returnUrl = `${publicBaseUrl.replace(/\/+$/, '')}/cong-dich-vu/thanh-toan`
      const started = await startPayment(db, configured(), request.params.code, identity, returnUrl, request.ip)
      return { txn_ref: started.txnRef, redirect_url: started.redirectUrl }
    },
  })

  api.get('/api/v1/public/payments/ipn', {
    config: open,
    schema: { summary: 'Thông báo kết quả thanh toán từ cổng thanh toán (IPN, có chữ ký HMAC-SHA512)', tags: ['Cổng dịch vụ công'], querystring: CallbackQuery, response: { 200: z.object({ RspCode: z.string(), Message: z.string() }) } },
    handler: async (request) => {
      const result = configured().readCallback(request.query)
      if (!result) return { RspCode: '97', Message: 'Invalid signature' }
      const applied = await applyGatewayResult(db, configured().name, result, notices, `gateway:${configured().name}`)
      return IPN_ANSWER[applied.outcome]
    },
  })

  api.get('/api/v1/public/payments/return', {
    config: open,
    schema: { summary: 'Kết quả thanh toán khi người dân quay lại từ cổng thanh toán', tags: ['Cổng dịch vụ công'], querystring: CallbackQuery, response: { 200: PaymentOutcome, ...errors } },
    handler: async (request) => {
      const result = configured().readCallback(request.query)
      if (!result) throw new AppError(ErrorCode.validation, 'bad signature', 'Kết quả thanh toán không hợp lệ (sai chữ ký)')
      const applied = await applyGatewayResult(db, configured().name, result, notices, `gateway:${configured().name}`)
      if (!('dossierCode' in applied)) {
        throw applied.outcome === 'unknown'
          ? new AppError(ErrorCode.notFound, 'unknown txn', 'Không có giao dịch thanh toán này')
          : new AppError(ErrorCode.conflict, 'amount mismatch', 'Số tiền thanh toán không khớp với phí, lệ phí của hồ sơ')
      }
      return { txn_ref: applied.txnRef, dossier_code: applied.dossierCode, status: applied.status, amount_vnd: applied.amountVnd, message: MESSAGES[applied.status] ?? applied.status }
    },
  })
}
