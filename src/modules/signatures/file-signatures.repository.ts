import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { SIGNATURE_STATUS_LABELS, type SignatureStatus, type SignatureVerdict } from '../../domain/signatures/signature-verdict.js'

/** Stores the verdict on a file's signature, checked when the file came in. */
export async function recordFileSignature(trx: Transaction<Database> | Kysely<Database>, fileId: string, verdict: SignatureVerdict): Promise<void> {
  const row = {
    status: verdict.status, reason: verdict.reason, signer_name: verdict.signer?.name ?? null, signer_subject: verdict.signer?.subject ?? null,
    signer_issuer: verdict.signer?.issuer ?? null, signer_serial: verdict.signer?.serial ?? null, certificate_valid_from: verdict.signer?.validFrom ?? null,
    certificate_valid_to: verdict.signer?.validTo ?? null, signed_at: verdict.signedAt,
  }
  await trx.insertInto('file_signatures').values({ file_id: fileId, ...row }).onConflict((oc) => oc.column('file_id').doUpdateSet({ ...row, checked_at: new Date() })).execute()
}

/** The verdict as the dossier page shows it. */
export interface FileSignatureView {
  status: SignatureStatus
  label: string
  reason: string
  signer_name: string | null
  signer_issuer: string | null
  signed_at: Date | null
  certificate_valid_to: Date | null
  checked_at: Date
}

/** The verdicts of the given files, by file id (files never checked — images — are absent). */
export async function signaturesOfFiles(db: Kysely<Database>, fileIds: readonly string[]): Promise<Map<string, FileSignatureView>> {
  if (fileIds.length === 0) return new Map()
  const rows = await db.selectFrom('file_signatures').selectAll().where('file_id', 'in', [...fileIds]).execute()
  return new Map(rows.map((r) => [String(r.file_id), {
    status: r.status as SignatureStatus, label: SIGNATURE_STATUS_LABELS[r.status as SignatureStatus], reason: r.reason, signer_name: r.signer_name,
    signer_issuer: r.signer_issuer, signed_at: r.signed_at, certificate_valid_to: r.certificate_valid_to, checked_at: r.checked_at,
  }]))
}
