import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { PortalIdentity } from './portal-sessions.js'

/**
 * The dossier a portal session may act on: one whose applicant's phone is the session's (or
 * submitted under the same OIDC login). Anyone else's code is the same 404 as an unknown one.
 */
export async function applicantDossier(db: Kysely<Database> | Transaction<Database>, code: string, identity: PortalIdentity) {
  const row = await db
    .selectFrom('dossiers as d')
    .leftJoin('portal_submissions as s', 's.dossier_id', 'd.id')
    .select(['d.id', 'd.code', 'd.status', 'd.rating', 'd.receiving_unit_id', 'd.procedure_id', 'd.fee_vnd', 'd.paid_at', 'd.procedure_version_id', 'd.applicant_phone', 's.dossier_id as submitted_online', 's.phone as portal_phone', 's.oidc_subject'])
    .where('d.code', '=', code)
    .executeTakeFirst()
  // A portal dossier belongs to the phone proved at submission (none for an unverified contact phone).
  const phone = row === undefined ? null : row.submitted_online !== null ? row.portal_phone : row.applicant_phone
  const mine = row !== undefined && ((identity.phone !== null && phone === identity.phone) || (identity.oidcSubject !== null && row.oidc_subject === identity.oidcSubject))
  if (!row || !mine) throw new AppError(ErrorCode.notFound, `dossier ${code} not the applicant's`, `Không tìm thấy hồ sơ ${code} của ông/bà`)
  return row
}
