import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { listOfficials, type OfficialView } from './officials.repository.js'
import { readCertificate } from './read-certificate.js'

/** Who changes the registry: their audit label and address, and the units they may see. */
export interface RegistryEditor {
  actor: string
  ip: string | null
  unitIds: ReadonlySet<number>
}

export interface OfficialFields {
  full_name?: string
  position?: string | null
  handles_dossiers?: boolean
  national_portal_account?: string | null
  ecert_right?: boolean
}

/** The official, if the editor may see its unit; otherwise "not found", as for one that does not exist. */
export async function getVisibleOfficial(db: Kysely<Database>, unitIds: ReadonlySet<number>, id: number): Promise<OfficialView> {
  const [official] = await listOfficials(db, [...unitIds], id)
  if (!official) throw new AppError(ErrorCode.notFound, `official ${id} not visible`, 'Không tìm thấy cán bộ này trong phạm vi bạn được xem')
  return official
}

/** A new official of a unit the caller may see (the caller checks the unit), with its audit row. */
export async function createOfficial(db: Kysely<Database>, editor: RegistryEditor, unit: { id: number; code: string }, fields: OfficialFields & { full_name: string }): Promise<OfficialView> {
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('officials')
      .values({
        unit_id: unit.id, full_name: fields.full_name, position: fields.position ?? null, handles_dossiers: fields.handles_dossiers ?? true,
        national_portal_account: fields.national_portal_account ?? null, ecert_right: fields.ecert_right ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, { actor: editor.actor, ip: editor.ip, action: 'official.create', entity: 'official', entityId: String(row.id), summary: { unit: unit.code, full_name: fields.full_name } })
    return row.id
  })
  return getVisibleOfficial(db, editor.unitIds, id)
}

/** Changes the given fields only; the audit row names which. */
export async function updateOfficial(db: Kysely<Database>, editor: RegistryEditor, id: number, fields: OfficialFields): Promise<OfficialView> {
  const before = await getVisibleOfficial(db, editor.unitIds, id)
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as OfficialFields
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('officials').set({ ...set, updated_at: new Date() }).where('id', '=', before.id).execute()
    await writeAudit(trx, { actor: editor.actor, ip: editor.ip, action: 'official.update', entity: 'official', entityId: String(before.id), summary: { changed: Object.keys(set) } })
  })
  return getVisibleOfficial(db, editor.unitIds, before.id)
}

/** Registers an official's signing certificate, read with Node's X.509 parser (a bad file is refused). */
export async function registerCertificate(db: Kysely<Database>, editor: RegistryEditor, id: number, file: { name: string; bytes: Buffer }): Promise<OfficialView> {
  const official = await getVisibleOfficial(db, editor.unitIds, id)
  const facts = readCertificate(file.bytes)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('officials')
      .set({
        certificate_der: facts.der, certificate_serial: facts.serial, certificate_subject: facts.subject, certificate_issuer: facts.issuer,
        certificate_valid_from: facts.validFrom, certificate_valid_to: facts.validTo, certificate_registered_at: new Date(), updated_at: new Date(),
      })
      .where('id', '=', official.id)
      .execute()
    await writeAudit(trx, {
      actor: editor.actor, ip: editor.ip, action: 'official.certificate', entity: 'official', entityId: String(official.id),
      summary: { file_name: file.name, serial: facts.serial, valid_to: facts.validTo.toISOString(), before: official.certificate?.serial ?? null },
    })
  })
  return getVisibleOfficial(db, editor.unitIds, official.id)
}
