import { sql, type Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'
import { writeAudit } from '../../audit/write-audit.js'
import { tellApplicant, type ApplicantNoticeSettings } from '../tell-applicant.js'
import { applyGatewayResult } from './apply-gateway-result.js'
import type { PaymentGateway } from './payment-gateway.js'

export interface Reconciliation {
  /** Pending transactions the gateway reports paid (a lost IPN) or failed. */
  settled: number
  /** Pending transactions the gateway never heard of after a day: given up. */
  abandoned: number
  refunded: number
  refundFailures: number
}

/** A transaction is asked after when its IPN is this late. */
const ASK_AFTER_MS = 15 * 60_000
const GIVE_UP_AFTER_MS = 24 * 3600_000

/**
 * Reconciliation with the gateway, run on a timer and on demand: (1) each pending transaction
 * older than 15 minutes is asked about and settled as the gateway says — a paid one the IPN never
 * brought is applied like the IPN; (2) money taken for a dossier that was then refused or
 * withdrawn is refunded and the applicant told, in one transaction per payment.
 */
export async function reconcilePayments(db: Kysely<Database>, gateway: PaymentGateway, settings: ApplicantNoticeSettings, now = new Date()): Promise<Reconciliation> {
  const summary: Reconciliation = { settled: 0, abandoned: 0, refunded: 0, refundFailures: 0 }
  const pending = await db
    .selectFrom('portal_payments')
    .select(['id', 'txn_ref', 'created_at'])
    .where('gateway', '=', gateway.name)
    .where('status', '=', 'pending')
    .where('created_at', '<', new Date(now.getTime() - ASK_AFTER_MS))
    .execute()
  for (const payment of pending) {
    const result = await gateway.query(payment.txn_ref, new Date(payment.created_at))
    if (result) {
      const applied = await applyGatewayResult(db, gateway.name, result, settings, 'reconciliation')
      if (applied.outcome === 'paid' || applied.outcome === 'failed') summary.settled++
    } else if (!result && now.getTime() - new Date(payment.created_at).getTime() > GIVE_UP_AFTER_MS) {
      await db.updateTable('portal_payments').set({ status: 'failed', response_code: 'abandoned' }).where('id', '=', payment.id).where('status', '=', 'pending').execute()
      summary.abandoned++
    }
  }

  // Paid for a dossier that was then refused or withdrawn.
  const toRefund = await db
    .selectFrom('portal_payments as pp')
    .innerJoin('dossiers as d', 'd.id', 'pp.dossier_id')
    .select(['pp.id', 'pp.txn_ref', 'pp.amount_vnd', 'pp.gateway_transaction_no', 'pp.created_at', 'pp.dossier_id', 'd.code', 'd.status'])
    .where('pp.gateway', '=', gateway.name)
    .where('pp.status', '=', 'paid')
    .where('d.status', 'in', ['rejected', 'withdrawn'])
    .execute()
  for (const payment of toRefund) {
    const reason = payment.status === 'rejected' ? 'hồ sơ bị từ chối giải quyết' : 'hồ sơ đã được rút'
    const answer = await gateway.refund({ txnRef: payment.txn_ref, amountVnd: Number(payment.amount_vnd), transactionNo: payment.gateway_transaction_no, createdAt: new Date(payment.created_at) }, reason)
    if (!answer.ok) {
      summary.refundFailures++
      continue
    }
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('portal_payments')
        .set({ status: 'refunded', refunded_at: sql<Date>`now()`, refund_reason: reason })
        .where('id', '=', payment.id)
        .where('status', '=', 'paid')
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) === 0) return
      await tellApplicant(trx, payment.dossier_id, { kind: 'refunded', amountVnd: Number(payment.amount_vnd), reason }, `refund-${payment.txn_ref}`, settings)
      await writeAudit(trx, { actor: 'reconciliation', action: 'payment.refund', entity: 'dossier', entityId: payment.code, summary: { txn_ref: payment.txn_ref, amount_vnd: Number(payment.amount_vnd), reason } })
    })
    summary.refunded++
  }
  return summary
}
