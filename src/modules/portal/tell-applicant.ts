import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { applicantNotice, type ApplicantNoticeStep } from '../../domain/portal/applicant-notice.js'
import { recipientProblem } from '../../domain/notifications/outgoing-message.js'
import { enqueueMessage } from '../notifications/enqueue-message.js'

/** Where notices point the applicant: the portal's public address (MOTCUA_PUBLIC_BASE_URL). */
export interface ApplicantNoticeSettings {
  publicBaseUrl: string
}

export function trackingUrl(publicBaseUrl: string, dossierCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(dossierCode)}`
}

/**
 * Tells the applicant of a step, in the transaction of the step: an SMS to the phone they gave
 * (the one verified on the portal, or for a desk dossier the one taken at the desk) and an e-mail when they gave
 * one. `stepKey` names the step, so a retried request sends nothing twice.
 */
export async function tellApplicant(trx: Transaction<Database>, dossierId: string, step: ApplicantNoticeStep, stepKey: string, settings: ApplicantNoticeSettings): Promise<number> {
  const dossier = await trx
    .selectFrom('dossiers as d')
    .innerJoin('procedure_versions as pv', 'pv.id', 'd.procedure_version_id')
    .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
    .leftJoin('portal_submissions as s', 's.dossier_id', 'd.id')
    .select(['d.code', 'd.due_at', 'd.applicant_phone', 'd.receiving_unit_id', 'pv.name as procedure_name', 'u.name as unit_name', 's.dossier_id as submitted_online', 's.phone as portal_phone', 's.email'])
    .where('d.id', '=', dossierId)
    .executeTakeFirstOrThrow()
  const notice = applicantNotice(step, {
    dossierCode: dossier.code,
    procedureName: dossier.procedure_name,
    unitName: dossier.unit_name,
    dueAt: dossier.due_at ? new Date(dossier.due_at) : null,
    trackingUrl: trackingUrl(settings.publicBaseUrl, dossier.code),
  })
  // A dossier submitted on the portal is told at the phone the citizen proved, or not by SMS at
  // all: a contact phone typed into the form (an OIDC login without a verified phone) could be
  // anyone's. A dossier received at the desk is told at the phone the desk took down.
  const phone = dossier.submitted_online !== null ? dossier.portal_phone : dossier.applicant_phone
  const topic = `dossier.${step.kind === 'event' ? step.type : step.kind}`
  let sent = 0
  // A number or address the rules refuse is skipped, not an error: the step itself must not fail for it.
  if (phone && recipientProblem('sms', phone) === null) {
    await enqueueMessage(trx, { channel: 'sms', recipient: phone, body: notice.sms, topic, unitId: dossier.receiving_unit_id, dedupeKey: `applicant:${dossier.code}:${stepKey}:sms` })
    sent++
  }
  if (dossier.email && recipientProblem('email', dossier.email) === null) {
    await enqueueMessage(trx, { channel: 'email', recipient: dossier.email, subject: notice.subject, body: notice.email, topic, unitId: dossier.receiving_unit_id, dedupeKey: `applicant:${dossier.code}:${stepKey}:email` })
    sent++
  }
  return sent
}
