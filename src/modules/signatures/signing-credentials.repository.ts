import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { CredentialCertificate } from './certificate-facts.js'
import type { CredentialOwner } from './sealed-credential.js'

const ownerColumn = (owner: CredentialOwner) => ('official' in owner ? { column: 'official_id' as const, id: owner.official } : { column: 'unit_id' as const, id: owner.unit })

/** The credential held for an official or a unit, if any. */
export async function findSigningCredential(db: Kysely<Database> | Transaction<Database>, owner: CredentialOwner) {
  const { column, id } = ownerColumn(owner)
  return db.selectFrom('signing_credentials').select(['id', 'subject', 'issuer', 'serial', 'valid_from', 'valid_to', 'sealed', 'registered_at']).where(column, '=', id).executeTakeFirst()
}

/** Registers (or replaces) the credential of an owner. */
export async function saveSigningCredential(trx: Transaction<Database>, owner: CredentialOwner, certificate: CredentialCertificate, sealed: Buffer, registeredBy: string) {
  const { column, id } = ownerColumn(owner)
  const values = {
    certificate_der: certificate.der, subject: certificate.subject, issuer: certificate.issuer, serial: certificate.serial,
    valid_from: certificate.validFrom, valid_to: certificate.validTo, sealed, registered_by: registeredBy, registered_at: new Date(),
  }
  const existing = await trx.selectFrom('signing_credentials').select('id').where(column, '=', id).forUpdate().executeTakeFirst()
  if (existing) await trx.updateTable('signing_credentials').set(values).where('id', '=', existing.id).execute()
  else await trx.insertInto('signing_credentials').values({ ...values, [column]: id }).execute()
}
