import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { DOSSIER_EVENT_LABELS, type DossierEventType } from '../../domain/dossiers/dossier-event.js'
import { DOSSIER_STATUS_LABELS, type DossierStatus } from '../../domain/dossiers/dossier-status.js'
import { normalisePhone } from './one-time-code.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/** Steps whose reason the applicant must read: what to supplement, why refused or paused. */
const REASON_SHOWN: readonly string[] = ['request_supplement', 'reject', 'pause', 'withdraw']

/**
 * What the applicant may see of a dossier, given its code and the phone they gave: the status,
 * each step with its date (and the reason of a supplement request, a pause or a refusal), the
 * appointment, the fee and its payment. Nothing else personal; a wrong code or phone is the same
 * 404, so an answer says nothing about which of the two was wrong.
 */
export async function trackDossier(db: Kysely<Database>, code: string, rawPhone: string) {
  const phone = normalisePhone(rawPhone)
  const dossier = phone
    ? await db
        .selectFrom('dossiers as d')
        .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
        .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
        .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
        .leftJoin('portal_submissions as s', 's.dossier_id', 'd.id')
        .select(['d.id', 'd.code', 'd.status', 'd.channel', 'd.received_at', 'd.due_at', 'd.finished_at', 'd.returned_at', 'd.fee_vnd', 'd.paid_at', 'd.paid_online', 'd.rating',
          'd.applicant_phone', 's.phone as portal_phone', 'p.code as procedure_code', 'pv.name as procedure_name', 'pv.payment_integrated', 'u.code as unit_code', 'u.name as unit_name'])
        .where('d.code', '=', code)
        .executeTakeFirst()
    : undefined
  const owner = dossier ? normalisePhone(dossier.portal_phone ?? dossier.applicant_phone ?? '') : null
  if (!dossier || owner === null || owner !== phone) {
    throw new AppError(ErrorCode.notFound, 'no dossier for code and phone', 'Không tìm thấy hồ sơ với mã và số điện thoại đã nhập')
  }
  const events = await db.selectFrom('dossier_events').select(['type', 'at', 'reason', 'status_after']).where('dossier_id', '=', dossier.id).orderBy('seq').execute()
  const payment = await db.selectFrom('portal_payments').select(['status', 'amount_vnd', 'paid_at', 'refunded_at', 'refund_reason']).where('dossier_id', '=', dossier.id).where('status', 'in', ['paid', 'refunded']).executeTakeFirst()
  const components = await db.selectFrom('dossier_components').select(['position', 'name', 'required']).where('dossier_id', '=', dossier.id).orderBy('position').execute()
  const fee = Number(dossier.fee_vnd)
  return {
    code: dossier.code,
    procedure: { code: dossier.procedure_code, name: dossier.procedure_name },
    unit: { code: dossier.unit_code, name: dossier.unit_name },
    channel: dossier.channel,
    status: dossier.status,
    status_label: DOSSIER_STATUS_LABELS[dossier.status as DossierStatus],
    received_at: new Date(dossier.received_at).toISOString(),
    due_at: dossier.due_at ? new Date(dossier.due_at).toISOString() : null,
    finished_at: dossier.finished_at ? new Date(dossier.finished_at).toISOString() : null,
    returned_at: dossier.returned_at ? new Date(dossier.returned_at).toISOString() : null,
    steps: events.map((e) => ({
      type: e.type,
      label: DOSSIER_EVENT_LABELS[e.type as DossierEventType],
      at: new Date(e.at).toISOString(),
      reason: REASON_SHOWN.includes(e.type) ? e.reason : null,
    })),
    components,
    fee_vnd: fee,
    paid: dossier.paid_at !== null,
    paid_online: dossier.paid_online,
    refunded: payment?.status === 'refunded',
    can_pay_online: fee > 0 && dossier.paid_at === null && dossier.payment_integrated === true && ['received', 'processing', 'supplement', 'paused', 'finished'].includes(dossier.status),
    rating: dossier.rating,
    can_rate: dossier.status === 'returned' && dossier.rating === null,
  }
}
