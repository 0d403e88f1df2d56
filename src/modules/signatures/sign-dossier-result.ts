import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { FileMediaType } from '../../domain/files/uploaded-file.js'
import type { Role } from '../../domain/accounts/role.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { storeFile } from '../desk/digitize-dossier.js'
import type { FileStore } from '../desk/file-store.js'
import { recordFileSignature } from './file-signatures.repository.js'
import { openCredential } from './sealed-credential.js'
import { signPdf } from './sign-pdf.js'
import type { SignatureSetup } from './signature-setup.js'
import { findSigningCredential } from './signing-credentials.repository.js'
import { verifyPdfSignature } from './verify-pdf.js'

export interface Signer {
  /** The console account signing: the official registered with it signs. */
  userId: number
  /** Its role: a result is signed by a leader (the officer uploads it, the leader signs it). */
  role: Role | null
  actor: string
  ip: string | null
}

/**
 * A leader signs a dossier's electronic result with the certificate held for them: the PDF result
 * gets the visible stamp and a PAdES signature, is stored as the new result file with its verdict,
 * and the audit row names the signer and the certificate — one transaction.
 */
export async function signDossierResult(db: Kysely<Database>, store: FileStore, setup: SignatureSetup, dossierId: string, signer: Signer, reason?: string) {
  if (signer.role !== 'leader') throw new AppError(ErrorCode.forbidden, `${signer.actor} (${signer.role ?? 'token'}) may not sign results`, 'Chỉ lãnh đạo ký số kết quả giải quyết')
  const official = await db.selectFrom('officials').select(['id', 'full_name', 'unit_id']).where('account_user_id', '=', signer.userId).executeTakeFirst()
  if (!official) {
    throw new AppError(ErrorCode.conflict, `user ${signer.userId} has no official`, 'Tài khoản của bạn chưa gắn với cán bộ nào trong sổ cán bộ (chứng thư số ký kết quả)')
  }
  const held = await findSigningCredential(db, { official: official.id })
  if (!held) throw new AppError(ErrorCode.conflict, `official ${official.id} has no credential`, `Chưa đăng ký chứng thư số để ký cho ${official.full_name}`)
  const result = await db
    .selectFrom('dossiers as d').leftJoin('files as f', 'f.id', 'd.result_file_id')
    .innerJoin('units as u', 'u.id', 'd.deciding_unit_id')
    .select(['d.code', 'd.status', 'd.deciding_unit_id', 'u.name as deciding_unit_name', 'd.result_file_id', 'f.sha256', 'f.media_type', 'f.original_name'])
    .where('d.id', '=', dossierId).executeTakeFirstOrThrow()
  // The result is the deciding unit's: signed by a leader registered in that unit.
  if (official.unit_id !== result.deciding_unit_id) {
    throw new AppError(ErrorCode.forbidden, `official ${official.id} is not of the deciding unit`, `Kết quả do lãnh đạo của ${result.deciding_unit_name} (đơn vị giải quyết) ký; ${official.full_name} không thuộc đơn vị này`)
  }
  if (!result.sha256 || result.media_type !== FileMediaType.pdf) {
    throw new AppError(ErrorCode.conflict, `dossier ${result.code} has no PDF result`, 'Hồ sơ chưa có kết quả điện tử dạng PDF để ký')
  }
  const signedAt = new Date()
  const signed = await signPdf(await store.get(result.sha256), openCredential(setup.sealingKey, { official: official.id }, held.sealed), {
    signedAt, reason: reason ?? `Ký kết quả giải quyết hồ sơ ${result.code}`, signerName: official.full_name,
  })
  const verdict = verifyPdfSignature(signed, setup.anchors, signedAt)
  const sha256 = await store.put(signed)
  const fileName = result.original_name!.replace(/(\.pdf)?$/i, '.da-ky.pdf')
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('dossiers').select('result_file_id').where('id', '=', dossierId).forUpdate().executeTakeFirstOrThrow()
    if (current.result_file_id !== result.result_file_id) throw new AppError(ErrorCode.conflict, 'result replaced meanwhile', 'Kết quả vừa được thay bằng tệp khác, vui lòng tải lại trang')
    const file = await storeFile(trx, { fileName, bytes: signed, actor: signer.actor }, sha256, FileMediaType.pdf)
    await recordFileSignature(trx, file.id, verdict)
    await trx.updateTable('dossiers').set({ result_file_id: file.id, result_digitized: true, updated_at: sql<Date>`now()` }).where('id', '=', dossierId).execute()
    await writeAudit(trx, {
      actor: signer.actor, ip: signer.ip, action: 'dossier.sign_result', entity: 'dossier', entityId: result.code,
      summary: { official_id: official.id, signer: official.full_name, serial: held.serial, sha256, signed_at: signedAt.toISOString(), signature: verdict.status },
    })
  })
  return verdict
}
