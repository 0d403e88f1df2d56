import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

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

/** Per unit of a subtree, the figures seed 001 asks the culture and justice offices to track. */
export async function officialFigures(db: Kysely<Database>, unitIds: readonly number[], on: Date): Promise<OfficialFigures[]> {
  if (unitIds.length === 0) return []
  const soon = new Date(on.getTime() + 30 * 86_400_000)
  const { rows } = await sql<OfficialFigures>`
    select u.code as unit_code, u.name as unit_name,
      count(o.id) filter (where o.handles_dossiers)::int as handling,
      count(o.id) filter (where o.handles_dossiers and (o.certificate_valid_to is null or o.certificate_valid_to < ${on} or o.certificate_valid_from > ${on}))::int as without_certificate,
      count(o.id) filter (where o.handles_dossiers and coalesce(o.national_portal_account, '') = '')::int as without_portal_account,
      count(o.id) filter (where o.certificate_valid_to >= ${on} and o.certificate_valid_to < ${soon})::int as expiring_within_30_days,
      count(o.id) filter (where o.ecert_right)::int as with_ecert_right
    from units u left join officials o on o.unit_id = u.id
    where u.id in (${sql.join(unitIds)})
    group by u.code, u.name
    having count(o.id) > 0
    order by u.code
  `.execute(db)
  return rows
}
