import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { expiresWithin, hasPortalAccount, hasValidCertificate } from '../../domain/officials/registry-lists.js'
import { listOfficials } from './officials.repository.js'

export interface OfficialFigures {
  unit_code: string
  unit_name: string
  /** Officials who receive or process dossiers. */
  handling: number
  /** …of whom without a valid digital-signature certificate on the given day. */
  without_certificate: number
  /** …without a national-portal account. */
  without_portal_account: number
  /** Certificates that expire within 30 days of the given day. */
  expiring_within_30_days: number
  /** Officials with the right to certify copies electronically. */
  with_ecert_right: number
}

/**
 * Per unit of a subtree (units with officials, by code), the figures seed 001 asks the culture and
 * justice offices to track: counted with the same rules as the registry's lists (domain/officials/registry-lists).
 */
export async function officialFigures(db: Kysely<Database>, unitIds: readonly number[], on: Date): Promise<OfficialFigures[]> {
  const byUnit = new Map<string, OfficialFigures>()
  for (const o of await listOfficials(db, unitIds)) {
    const figures = byUnit.get(o.unit_code) ?? { unit_code: o.unit_code, unit_name: o.unit_name, handling: 0, without_certificate: 0, without_portal_account: 0, expiring_within_30_days: 0, with_ecert_right: 0 }
    byUnit.set(o.unit_code, figures)
    if (o.handles_dossiers) {
      figures.handling++
      if (!hasValidCertificate(o, on)) figures.without_certificate++
      if (!hasPortalAccount(o)) figures.without_portal_account++
    }
    if (expiresWithin(o, on)) figures.expiring_within_30_days++
    if (o.ecert_right) figures.with_ecert_right++
  }
  return [...byUnit.values()]
}
