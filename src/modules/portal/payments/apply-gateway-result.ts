import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { writeAudit } from '../../audit/write-audit.js'
import { tellApplicant, type ApplicantNoticeSettings } from '../tell-applicant.js'
import type { GatewayResult } from './payment-gateway.js'

export type PaymentApplied =
  | { outcome: 'paid' | 'failed' | 'already'; txnRef: string; dossierCode: string; amountVnd: number; status: string }
  | { outcome: 'unknown' | 'amount_mismatch'; txnRef: string }

/**
 * What the gateway said of a transaction, applied once whatever the number of callbacks (the
 * browser's return, the IPN, a retried IPN, reconciliation): the payment row is locked; a
 * transaction already settled is left as it is; a paid one marks the dossier paid online (the
 * payment rate and 3.5 follow by trigger) and tells the applicant, in the same transaction.
 */
export async function applyGatewayResult(db: Kysely<Database>, gatewayName: string, result: GatewayResult, settings: ApplicantNoticeSettings, actor: string): Promise<PaymentApplied> {
  return db.transaction().execute(async (trx) => {
    const payment = await trx
      .selectFrom('portal_payments as pp')
      .innerJoin('dossiers as d', 'd.id', 'pp.dossier_id')
      .select(['pp.id', 'pp.status', 'pp.amount_vnd', 'pp.dossier_id', 'd.code', 'd.paid_at'])
      .where('pp.txn_ref', '=', result.txnRef)
      .where('pp.gateway', '=', gatewayName)
      .forUpdate()
      .executeTakeFirst()
    if (!payment) return { outcome: 'unknown', txnRef: result.txnRef }
    const amountVnd = Number(payment.amount_vnd)
    const settled = { txnRef: result.txnRef, dossierCode: payment.code, amountVnd }
    if (payment.status !== 'pending') return { outcome: 'already', ...settled, status: payment.status }
    if (result.amountVnd !== amountVnd) return { outcome: 'amount_mismatch', txnRef: result.txnRef }
    if (!result.paid) {
      await trx.updateTable('portal_payments').set({ status: 'failed', response_code: result.responseCode }).where('id', '=', payment.id).execute()
      return { outcome: 'failed', ...settled, status: 'failed' }
    }
    await trx.updateTable('portal_payments').set({ status: 'paid', response_code: result.responseCode, gateway_transaction_no: result.transactionNo, paid_at: sql<Date>`now()` }).where('id', '=', payment.id).execute()
    // Paid at the counter meanwhile: the dossier keeps its first payment; the transaction stays on record.
    if (payment.paid_at === null) {
      await trx.updateTable('dossiers').set({ paid_online: true, paid_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where('id', '=', payment.dossier_id).execute()
    }
    await tellApplicant(trx, payment.dossier_id, { kind: 'paid', amountVnd }, `payment-${result.txnRef}`, settings)
    await writeAudit(trx, { actor, action: 'dossier.payment', entity: 'dossier', entityId: payment.code, summary: { fee_vnd: amountVnd, paid_online: true, txn_ref: result.txnRef, transaction_no: result.transactionNo } })
    return { outcome: 'paid', ...settled, status: 'paid' }
  })
}
