import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { recordFeedback } from '../feedback/record-feedback.js'
import { applicantDossier } from './applicant-dossier.js'
import type { PortalIdentity } from './portal-sessions.js'

/**
 * A feedback item (phản ánh, kiến nghị) from the portal about the applicant's own dossier:
 * received by the dossier's unit, channel online, naming the dossier and its procedure (5.1–5.3).
 */
export async function feedbackFromPortal(db: Kysely<Database>, code: string, summary: string, identity: PortalIdentity, ip: string | null): Promise<string> {
  const dossier = await applicantDossier(db, code, identity)
  const unit = await db.selectFrom('units').select(['id', 'code']).where('id', '=', dossier.receiving_unit_id).executeTakeFirstOrThrow()
  const procedure = await db.selectFrom('procedures').select('code').where('id', '=', dossier.procedure_id).executeTakeFirstOrThrow()
  const id = await recordFeedback(db, {
    unit, code: null, receivedAt: new Date(), channel: 'online', summary, procedureCode: procedure.code, dossierCode: dossier.code,
    classification: null, classifiedAt: null, rejectedAt: null, supplementRequestedAt: null, handledAt: null, publishedAt: null, reaction: null, repeated: null,
    actor: `portal:${identity.phone ?? identity.oidcSubject}`, ip,
  })
  const row = await db.selectFrom('feedback').select('code').where('id', '=', id).executeTakeFirstOrThrow()
  return row.code
}
