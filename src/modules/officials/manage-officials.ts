import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { maskIdentityNumber } from '../../domain/accounts/mask.js'
import { stageAfterCertificateRead, stageChangeProblem, type CertificateStage } from '../../domain/officials/certificate-stage.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { listOfficials, saveCertificate, type OfficialView } from './officials.repository.js'
import { readCertificate } from './read-certificate.js'

/** Who changes the registry: their audit label and address, and the units of their registry scope. */
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
  identity_number?: string | null
  certificate_stage?: CertificateStage
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
        identity_number: fields.identity_number ?? null, certificate_stage: fields.certificate_stage ?? 'none',
        ...(fields.certificate_stage && fields.certificate_stage !== 'none' ? { certificate_stage_at: new Date() } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, { actor: editor.actor, ip: editor.ip, action: 'official.create', entity: 'official', entityId: String(row.id), summary: { unit: unit.code, full_name: fields.full_name } })
    return row.id
  })
  return getVisibleOfficial(db, editor.unitIds, id)
}

/**
 * Changes the given fields only; the audit row names which, with the values before and after
 * (the identity number masked: the audit log is read by more people than the registry).
 * A certificate stage may only move forward, or back to a new registration.
 */
export async function updateOfficial(db: Kysely<Database>, editor: RegistryEditor, id: number, fields: OfficialFields): Promise<OfficialView> {
  const before = await getVisibleOfficial(db, editor.unitIds, id)
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as OfficialFields
  const stageProblem = set.certificate_stage ? stageChangeProblem(before.certificate_stage, set.certificate_stage) : null
  if (stageProblem) throw new AppError(ErrorCode.validation, `stage ${before.certificate_stage} → ${set.certificate_stage}`, `Cán bộ ${before.full_name}: ${stageProblem}`)
  const stageChanged = set.certificate_stage !== undefined && set.certificate_stage !== before.certificate_stage
  const shown = (key: string, value: unknown) => (key === 'identity_number' && typeof value === 'string' ? maskIdentityNumber(value) : value)
  const changes = Object.fromEntries(
    Object.entries(set)
      .filter(([key, value]) => before[key as keyof OfficialView] !== value)
      .map(([key, value]) => [key, { before: shown(key, before[key as keyof OfficialView]), after: shown(key, value) }]),
  )
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('officials').set({ ...set, ...(stageChanged ? { certificate_stage_at: new Date() } : {}), updated_at: new Date() }).where('id', '=', before.id).execute()
    await writeAudit(trx, { actor: editor.actor, ip: editor.ip, action: 'official.update', entity: 'official', entityId: String(before.id), summary: { changed: Object.keys(set), changes } })
  })
  return getVisibleOfficial(db, editor.unitIds, before.id)
}

/** Registers an official's signing certificate, read with Node's X.509 parser (a bad file is refused). */
export async function registerCertificate(db: Kysely<Database>, editor: RegistryEditor, id: number, file: { name: string; bytes: Buffer }): Promise<OfficialView> {
  const official = await getVisibleOfficial(db, editor.unitIds, id)
  const facts = readCertificate(file.bytes)
  const stage = stageAfterCertificateRead(official.certificate_stage)
  await db.transaction().execute(async (trx) => {
    await saveCertificate(trx, official.id, facts, stage, stage !== official.certificate_stage)
    await writeAudit(trx, {
      actor: editor.actor, ip: editor.ip, action: 'official.certificate', entity: 'official', entityId: String(official.id),
      summary: { file_name: file.name, serial: facts.serial, valid_to: facts.validTo.toISOString(), before: official.certificate?.serial ?? null },
    })
  })
  return getVisibleOfficial(db, editor.unitIds, official.id)
}
