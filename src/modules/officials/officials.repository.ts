import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'

type Db = Kysely<Database> | Transaction<Database>

/** An official of the registry as the API shows it: unit, role in the one-stop shop, account, right, certificate. */
export interface OfficialView {
  id: number
  unit_code: string
  unit_name: string
  full_name: string
  position: string | null
  handles_dossiers: boolean
  national_portal_account: string | null
  ecert_right: boolean
  certificate: { serial: string; subject: string; issuer: string; valid_from: Date; valid_to: Date; registered_at: Date | null } | null
}

/** The officials of these units (or the one of `id`, if it is among them), by unit and name. */
export async function listOfficials(db: Db, unitIds: readonly number[], id?: number): Promise<OfficialView[]> {
  if (unitIds.length === 0) return []
  let query = db
    .selectFrom('officials as o')
    .innerJoin('units as u', 'u.id', 'o.unit_id')
    .select([
      'o.id', 'u.code as unit_code', 'u.name as unit_name', 'o.full_name', 'o.position', 'o.handles_dossiers', 'o.national_portal_account', 'o.ecert_right',
      'o.certificate_serial', 'o.certificate_subject', 'o.certificate_issuer', 'o.certificate_valid_from', 'o.certificate_valid_to', 'o.certificate_registered_at',
    ])
    .where('o.unit_id', 'in', [...unitIds])
    .orderBy('u.code')
    .orderBy('o.full_name')
  if (id !== undefined) query = query.where('o.id', '=', id)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id, unit_code: r.unit_code, unit_name: r.unit_name, full_name: r.full_name, position: r.position, handles_dossiers: r.handles_dossiers,
    national_portal_account: r.national_portal_account, ecert_right: r.ecert_right,
    certificate: r.certificate_serial && r.certificate_valid_from && r.certificate_valid_to
      ? { serial: r.certificate_serial, subject: r.certificate_subject ?? '', issuer: r.certificate_issuer ?? '', valid_from: r.certificate_valid_from, valid_to: r.certificate_valid_to, registered_at: r.certificate_registered_at }
      : null,
  }))
}
