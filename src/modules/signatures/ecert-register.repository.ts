import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'

export interface EcertRegisterEntry {
  number: number
  certified_at: Date
  certified_on: string
  applicant_name: string | null
  document_name: string
  copies: number
  signer_name: string
  fee_vnd: number
  dossier_code: string
}

/** A unit's certification register for a year, in number order. */
export async function listEcertRegister(db: Kysely<Database>, unitId: number, year: number): Promise<EcertRegisterEntry[]> {
  const rows = await db
    .selectFrom('ecert_register as r')
    .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
    .select(['r.number', 'r.certified_at', 'd.applicant_name', 'r.document_name', 'r.copies', 'r.signer_name', 'r.fee_vnd', 'd.code as dossier_code'])
    .where('r.unit_id', '=', unitId)
    .where('r.year', '=', year)
    .orderBy('r.number')
    .execute()
  return rows.map((r) => ({ ...r, fee_vnd: Number(r.fee_vnd), certified_on: toVietnamDate(r.certified_at) }))
}

/** The certifications recorded for one dossier (the dossier page lists them). */
export async function ecertEntriesOfDossier(db: Kysely<Database>, dossierId: string) {
  return db
    .selectFrom('ecert_register')
    .select(['number', 'year', 'document_name', 'copies', 'fee_vnd', 'signer_name', 'certified_at', 'copy_file_id'])
    .where('dossier_id', '=', dossierId)
    .orderBy('year')
    .orderBy('number')
    .execute()
}
