import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { SignerTemplate } from '../../domain/reports/document-template.js'
import { authorityLines, type SignerPosition } from '../../domain/reports/signature-authority.js'
import { findSignerName } from './signers.repository.js'

/**
 * The signature block a document gets: the template's signer, or the position asked for
 * (`--signer vice_chair`); its authority lines from the position (Decree 30); its name from the
 * template when the template names the person, else from the unit's signers (`signers set`),
 * else left empty for the office to write. A template with explicit authority lines and no
 * position is used as it is.
 */
export async function resolveSigner(db: Kysely<Database>, unitCode: string, template: SignerTemplate, asked?: SignerPosition): Promise<SignerTemplate> {
  const position = asked ?? template.position
  if (position === undefined) return template
  const sameSigner = asked === undefined || asked === template.position
  const named = sameSigner ? template.name.trim() : ''
  return {
    ...template,
    position,
    authority: authorityLines(position, template.on_behalf_of ?? null),
    name: named !== '' ? named : ((await findSignerName(db, unitCode, position)) ?? ''),
  }
}
