import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { CertificateStage } from '../../domain/officials/certificate-stage.js'
import type { CertificateFacts } from './read-certificate.js'

type Db = Kysely<Database> | Transaction<Database>

/** An official of the registry as the API shows it: unit, role in the one-stop shop, account, right, certificate. */
export interface OfficialView {
  id: number
  unit_code: string
  unit_name: string
  full_name: string
  position: string | null
  identity_number: string | null
  handles_dossiers: boolean
  national_portal_account: string | null
  ecert_right: boolean
  certificate_stage: CertificateStage
  certificate_stage_at: Date | null
  certificate: { serial: string; subject: string; issuer: string; uid: string | null; valid_from: Date; valid_to: Date; registered_at: Date | null } | null
}

/** The officials of these units (or the one of `id`, if it is among them), by unit and name. */
export async function listOfficials(db: Db, unitIds: Iterable<number>, id?: number): Promise<OfficialView[]> {
  const ids = [...unitIds]
  if (ids.length === 0) return []
  let query = db
    .selectFrom('officials as o')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .select([
      'o.id', 'u.code as unit_code', 'u.name as unit_name', 'o.full_name', 'o.position', 'o.identity_number', 'o.handles_dossiers', 'o.national_portal_account', 'o.ecert_right',
      'o.certificate_stage', 'o.certificate_stage_at', 'o.certificate_uid',
      'o.certificate_serial', 'o.certificate_subject', 'o.certificate_issuer', 'o.certificate_valid_from', 'o.certificate_valid_to', 'o.certificate_registered_at',
    ])
    .where('o.unit_id', 'in', ids)
    .orderBy('u.code')
    .orderBy('o.full_name')
    .orderBy('o.id')
  if (id !== undefined) query = query.where('o.id', '=', id)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id, unit_code: r.unit_code, unit_name: r.unit_name, full_name: r.full_name, position: r.position, identity_number: r.identity_number, handles_dossiers: r.handles_dossiers,
    national_portal_account: r.national_portal_account, ecert_right: r.ecert_right,
    certificate_stage: r.certificate_stage as CertificateStage, certificate_stage_at: r.certificate_stage_at,
    certificate: r.certificate_serial && r.certificate_valid_from && r.certificate_valid_to
      ? { serial: r.certificate_serial, subject: r.certificate_subject ?? '', issuer: r.certificate_issuer ?? '', uid: r.certificate_uid, valid_from: r.certificate_valid_from, valid_to: r.certificate_valid_to, registered_at: r.certificate_registered_at }
      : null,
  }))
}

/** Records a certificate read from a file on an official, and the stage it brings the official to. */
export async function saveCertificate(trx: Transaction<Database>, officialId: number, facts: CertificateFacts, stage: CertificateStage, stageChanged: boolean): Promise<void> {
  await trx
    .updateTable('officials')
    .set({
      certificate_der: facts.der, certificate_serial: facts.serial, certificate_subject: facts.subject, certificate_issuer: facts.issuer, certificate_uid: facts.uid,
      certificate_valid_from: facts.validFrom, certificate_valid_to: facts.validTo, certificate_registered_at: new Date(), updated_at: new Date(),
      certificate_stage: stage, ...(stageChanged ? { certificate_stage_at: new Date() } : {}),
    })
    .where('id', '=', officialId)
    .execute()
}
