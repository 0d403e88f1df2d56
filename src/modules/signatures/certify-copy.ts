import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { checkUploadedFile, FileMediaType } from '../../domain/files/uploaded-file.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { certificationNumberLabel, certificationStatement } from '../../domain/signatures/ecert-register.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { writeAudit } from '../audit/write-audit.js'
import { storeFile } from '../desk/digitize-dossier.js'
import type { FileStore } from '../desk/file-store.js'
import { recordFileSignature } from './file-signatures.repository.js'
import { openCredential } from './sealed-credential.js'
import { signPdf } from './sign-pdf.js'
import type { SignatureSetup } from './signature-setup.js'
import { findSigningCredential } from './signing-credentials.repository.js'
import { verifyPdfSignature } from './verify-pdf.js'

export interface CertifyCopyInput {
  /** The paper original's name (tên bản chính giấy tờ, văn bản). */
  documentName: string
  copies: number
  feeVnd: number
  /** The scan of the original, a PDF. */
  original: { fileName: string; bytes: Uint8Array }
  /**
   * The account certifying at the desk: the register's "người ký chứng thực" is the official linked
   * to it (name, position), else the account's display name. The copy is signed with the unit's certificate.
   */
  certifierUserId: number | null
  /**
   * The certifying account's own unit. The copy carries the receiving unit's certificate, so only
   * that unit's accounts certify: not the deciding unit's, nor those of a unit above it.
   */
  certifierUnitId: number
  actor: string
  ip: string | null
}

const ENDED_WITHOUT_RESULT = ['rejected', 'withdrawn']

async function certifierName(db: Kysely<Database>, userId: number | null, actor: string): Promise<string> {
  if (userId === null) return actor
  const row = await db
    .selectFrom('users as u').leftJoin('officials as o', 'o.account_user_id', 'u.id')
    .select(['u.display_name', 'o.full_name', 'o.position'])
    .where('u.id', '=', userId).executeTakeFirst()
  if (!row) return actor
  return row.full_name ? `${row.full_name}${row.position ? `, ${row.position}` : ''}` : row.display_name
}

/**
 * Chứng thực bản sao điện tử từ bản chính at the commune desk: the scan of the original becomes
 * the electronic copy, signed with the receiving unit's certificate under the statement and its
 * number in the certification register (per unit and year, from a counter row the upsert locks:
 * concurrent certifications queue there, and a failed one rolls its number back). The register
 * entry, the files, the dossier's `ecert_copies` (which the rollups, indicator 4.ct and the
 * letters read) and the audit row commit together.
 */
export async function certifyCopy(db: Kysely<Database>, store: FileStore, setup: SignatureSetup, dossierId: string, input: CertifyCopyInput, now = new Date()) {
  const mediaType = checkUploadedFile(input.original.fileName, input.original.bytes)
  if (mediaType !== FileMediaType.pdf) throw new AppError(ErrorCode.validation, 'original scan not a PDF', 'Bản quét bản chính phải là tệp PDF để ký số bản sao')
  const dossier = await db
    .selectFrom('dossiers as d').innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
    .select(['d.id', 'd.code', 'd.status', 'd.receiving_unit_id', 'u.code as unit_code', 'u.name as unit_name'])
    .where('d.id', '=', dossierId).executeTakeFirstOrThrow()
  if (input.certifierUnitId !== dossier.receiving_unit_id) {
    throw new AppError(ErrorCode.forbidden, `unit ${input.certifierUnitId} certifies for ${dossier.unit_code}`,
      `Chỉ cán bộ của ${dossier.unit_name} (đơn vị tiếp nhận hồ sơ) được chứng thực bản sao bằng chứng thư số của đơn vị mình`)
  }
  if (ENDED_WITHOUT_RESULT.includes(dossier.status)) throw new AppError(ErrorCode.conflict, `dossier is ${dossier.status}`, 'Hồ sơ đã bị từ chối hoặc đã rút, không chứng thực')
  const held = await findSigningCredential(db, { unit: dossier.receiving_unit_id })
  if (!held) {
    throw new AppError(ErrorCode.conflict, `unit ${dossier.unit_code} has no credential`, `Chưa đăng ký chứng thư số của ${dossier.unit_name} để ký bản sao điện tử`)
  }
  const certifier = await certifierName(db, input.certifierUserId, input.actor)
  const credential = openCredential(setup.sealingKey, { unit: dossier.receiving_unit_id }, held.sealed)
  const originalSha = await store.put(input.original.bytes)
  const year = Number(toVietnamDate(now).slice(0, 4))

  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('dossiers').select('id').where('id', '=', dossierId).forUpdate().executeTakeFirstOrThrow()
    const { last_number: number } = await trx
      .insertInto('ecert_register_counters')
      .values({ unit_id: dossier.receiving_unit_id, year, last_number: 1 })
      .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ last_number: sql<number>`ecert_register_counters.last_number + 1` }))
      .returning('last_number')
      .executeTakeFirstOrThrow()
    const copy = await signPdf(input.original.bytes, credential, {
      signedAt: now, signerName: dossier.unit_name, statement: certificationStatement(number, year),
      reason: `Chứng thực bản sao điện tử từ bản chính, ${certificationNumberLabel(number, year)}`,
    })
    const verdict = verifyPdfSignature(copy, setup.anchors, now)
    const copySha = await store.put(copy)
    const original = await storeFile(trx, { fileName: input.original.fileName, bytes: input.original.bytes, actor: input.actor }, originalSha, mediaType)
    const copyFile = await storeFile(trx, { fileName: input.original.fileName.replace(/\.pdf$/i, '.ban-sao.pdf'), bytes: copy, actor: input.actor }, copySha, mediaType)
    await recordFileSignature(trx, copyFile.id, verdict)
    const entry = await trx
      .insertInto('ecert_register')
      .values({
        unit_id: dossier.receiving_unit_id, year, number, dossier_id: dossier.id, document_name: input.documentName, copies: input.copies, fee_vnd: input.feeVnd,
        original_file_id: original.id, copy_file_id: copyFile.id, signer_name: certifier, certified_by: input.actor, certified_at: now,
      })
      .returning(['id', 'number', 'year', 'certified_at'])
      .executeTakeFirstOrThrow()
    await trx.updateTable('dossiers').set({ ecert_copies: sql<number>`ecert_copies + ${input.copies}`, updated_at: sql<Date>`now()` }).where('id', '=', dossier.id).execute()
    await writeAudit(trx, {
      actor: input.actor, ip: input.ip, action: 'dossier.ecert_copy', entity: 'dossier', entityId: dossier.code,
      summary: { unit: dossier.unit_code, year, number, document: input.documentName, copies: input.copies, fee_vnd: input.feeVnd, sha256: copySha, signature: verdict.status },
    })
    return { number: entry.number, year: entry.year, label: certificationNumberLabel(entry.number, entry.year), certified_at: entry.certified_at, signature: verdict.status }
  })
}
