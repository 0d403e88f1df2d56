import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { writeAudit } from '../../audit/write-audit.js'
import { applicantDossier } from '../applicant-dossier.js'
import type { PortalIdentity } from '../portal-sessions.js'
import type { PaymentGateway } from './payment-gateway.js'

const PAYABLE = ['received', 'processing', 'supplement', 'paused', 'finished']

/**
 * The applicant starts paying a dossier's fee online: the procedure's fee must be payable
 * online, the dossier open and unpaid; a pending transaction is written with a fresh reference,
 * and the gateway's signed address is returned for the browser to go to.
 */
export async function startPayment(db: Kysely<Database>, gateway: PaymentGateway, code: string, identity: PortalIdentity, returnUrl: string, clientIp: string) {
  const dossier = await applicantDossier(db, code, identity)
  const version = await db.selectFrom('procedure_versions').select(['payment_integrated', 'name']).where('id', '=', dossier.procedure_version_id).executeTakeFirstOrThrow()
  const fee = Number(dossier.fee_vnd)
  if (fee <= 0) throw new AppError(ErrorCode.conflict, 'no fee', 'Hồ sơ không có phí, lệ phí phải nộp')
  if (dossier.paid_at !== null) throw new AppError(ErrorCode.conflict, 'already paid', 'Hồ sơ đã nộp phí, lệ phí')
  if (version.payment_integrated !== true) throw new AppError(ErrorCode.conflict, 'not integrated', 'Thủ tục này chưa nộp phí, lệ phí trực tuyến được; mời nộp tại Bộ phận Một cửa')
  if (!PAYABLE.includes(dossier.status)) throw new AppError(ErrorCode.conflict, `dossier is ${dossier.status}`, 'Hồ sơ đã kết thúc, không nộp phí được')
  const txnRef = `MC${randomBytes(9).toString('hex').toUpperCase()}`
  const createdAt = new Date()
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('portal_payments').values({ dossier_id: dossier.id, txn_ref: txnRef, gateway: gateway.name, amount_vnd: fee, created_at: createdAt }).execute()
    await writeAudit(trx, { actor: `portal:${identity.phone ?? identity.oidcSubject}`, ip: clientIp, action: 'payment.start', entity: 'dossier', entityId: dossier.code, summary: { txn_ref: txnRef, amount_vnd: fee, gateway: gateway.name } })
  })
  const redirectUrl = gateway.paymentUrl({ txnRef, amountVnd: fee, orderInfo: `Nop phi, le phi ho so ${dossier.code}`, returnUrl, clientIp, createdAt })
  return { txnRef, redirectUrl }
}
