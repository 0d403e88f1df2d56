import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { getVisibleOfficial, type RegistryEditor } from '../officials/manage-officials.js'
import type { OfficialView } from '../officials/officials.repository.js'
import { readPkcs12, type SigningCredential } from './pkcs12.js'
import { sealCredential, type CredentialOwner } from './sealed-credential.js'
import { saveSigningCredential } from './signing-credentials.repository.js'

export interface CredentialUpload extends SigningCredential {
  fileName: string
}

/**
 * Holds an official's PKCS#12 (sealed under the key outside the database) so a leader signs
 * results at the desk with it; its certificate becomes the official's in the registry, and the
 * console account named (`account`, a username of the editor's units) is the one that signs as them.
 */
export async function registerOfficialCredential(
  db: Kysely<Database>, sealingKey: Buffer, editor: RegistryEditor, officialId: number, upload: CredentialUpload, account?: string,
): Promise<OfficialView> {
  const official = await getVisibleOfficial(db, editor.unitIds, officialId)
  const certificate = readPkcs12(upload)
  const owner: CredentialOwner = { official: official.id }
  await db.transaction().execute(async (trx) => {
    let accountUserId: number | undefined
    if (account !== undefined) {
      const user = await trx.selectFrom('users').select(['id', 'unit_id']).where('username', '=', account).executeTakeFirst()
      if (!user || !editor.unitIds.has(user.unit_id)) throw new AppError(ErrorCode.notFound, `no user ${account}`, `Không có tài khoản ${account} trong phạm vi bạn quản lý`)
      const other = await trx.selectFrom('officials').select('id').where('account_user_id', '=', user.id).where('id', '<>', official.id).executeTakeFirst()
      if (other) throw new AppError(ErrorCode.conflict, `user ${account} signs as official ${other.id}`, `Tài khoản ${account} đã gắn với một cán bộ khác`)
      accountUserId = user.id
    }
    await saveSigningCredential(trx, owner, certificate, sealCredential(sealingKey, owner, upload), editor.actor)
    await trx.updateTable('officials').set({
      certificate_der: certificate.der, certificate_serial: certificate.serial, certificate_subject: certificate.subject, certificate_issuer: certificate.issuer,
      certificate_valid_from: certificate.validFrom, certificate_valid_to: certificate.validTo, certificate_registered_at: new Date(), updated_at: new Date(),
      ...(accountUserId !== undefined ? { account_user_id: accountUserId } : {}),
    }).where('id', '=', official.id).execute()
    await writeAudit(trx, {
      actor: editor.actor, ip: editor.ip, action: 'official.signing_credential', entity: 'official', entityId: String(official.id),
      summary: { file_name: upload.fileName, serial: certificate.serial, subject: certificate.subject, valid_to: certificate.validTo.toISOString(), account: account ?? null },
    })
  })
  return getVisibleOfficial(db, editor.unitIds, official.id)
}

/** Holds a unit's PKCS#12: the commune's certificate that signs its certified copies. */
export async function registerUnitCredential(db: Kysely<Database>, sealingKey: Buffer, editor: RegistryEditor, unit: { id: number; code: string }, upload: CredentialUpload) {
  const certificate = readPkcs12(upload)
  const owner: CredentialOwner = { unit: unit.id }
  await db.transaction().execute(async (trx) => {
    await saveSigningCredential(trx, owner, certificate, sealCredential(sealingKey, owner, upload), editor.actor)
    await writeAudit(trx, {
      actor: editor.actor, ip: editor.ip, action: 'unit.signing_credential', entity: 'unit', entityId: unit.code,
      summary: { file_name: upload.fileName, serial: certificate.serial, subject: certificate.subject, valid_to: certificate.validTo.toISOString() },
    })
  })
  return { unit: unit.code, subject: certificate.subject, serial: certificate.serial, valid_from: certificate.validFrom, valid_to: certificate.validTo }
}
