import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

export interface AuditQuery {
  limit: number
  /** Rows older than this id (paging back). */
  beforeId?: number | undefined
  action?: string | undefined
  /** Below the province: only what the accounts of these units did. Absent: the whole log. */
  accountsOfUnits?: ReadonlySet<number> | undefined
}

/** The audit log, newest first: the one reading of it the API and the command line share. */
export async function listAudit(db: Kysely<Database>, q: AuditQuery) {
  let query = db.selectFrom('audit_log').select(['id', 'at', 'actor', 'ip', 'action', 'entity', 'entity_id', 'summary']).orderBy('id', 'desc').limit(q.limit)
  if (q.beforeId !== undefined) query = query.where('id', '<', String(q.beforeId))
  if (q.action !== undefined) query = query.where('action', '=', q.action)
  if (q.accountsOfUnits !== undefined) {
    if (q.accountsOfUnits.size === 0) return []
    query = query.where('actor', 'in', sql<string>`(select 'user:' || username from users where unit_id in (${sql.join([...q.accountsOfUnits])}))`)
  }
  const rows = await query.execute()
  return rows.map((r) => ({ ...r, id: String(r.id) }))
}
