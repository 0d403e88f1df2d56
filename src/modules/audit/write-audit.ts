import { createHash } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { toWellFormedText } from '../../domain/shared/well-formed-text.js'

export interface AuditEntry {
  /** `user:<name>`, `token:<name>`, `cli:<os user>`, `system`. */
  actor: string
  ip?: string | null
  /** What was done, e.g. `dossier.finish`, `import.dossiers`, `user.login_failed`, `export.dossiers`. */
  action: string
  entity: string
  entityId?: string | null
  /** Before/after summary: never passwords, tokens or unmasked personal data. */
  summary?: Record<string, unknown>
}

/** Stable JSON (sorted keys) so the hash of a row can be recomputed exactly. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export interface HashedFields {
  id: string
  at: string
  actor: string
  ip: string | null
  action: string
  entity: string
  entityId: string | null
  summary: unknown
  prevHash: string
}

export function auditHash(fields: HashedFields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex')
}

/** Strings as a UTF-8 database keeps them: a lone surrogate or a NUL becomes U+FFFD. */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormedText(value).replaceAll('\u0000', '\uFFFD')
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(storable)
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [storable(k) as string, storable(v)]))
}

interface StoredFields {
  id: string
  at: Date
  actor: string
  ip: string | null
  action: string
  entity: string
  entity_id: string | null
  summary: unknown
}

/** A row of the chain: what a copy of the head outside motcua (a report, a backup, an anchor) records. */
export interface AuditHead {
  last_id: string
  last_hash: string
}

/**
 * Appends an audit row in the caller's transaction. The chain head is locked for the rest of
 * the transaction, so rows are chained in commit order even with concurrent writers. The hash
 * covers the values as the database returns them (read back before the insert), so
 * `verifyAuditChain` recomputes exactly the same hash from the stored row.
 */
export async function writeAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<AuditHead> {
  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).forUpdate().executeTakeFirstOrThrow()
  const { rows } = await sql<StoredFields>`
    select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id, clock_timestamp() as at,
      ${storable(entry.actor)}::text as actor, ${storable(entry.ip ?? null)}::text as ip, ${storable(entry.action)}::text as action,
      ${storable(entry.entity)}::text as entity, ${storable(entry.entityId ?? null)}::text as entity_id,
      ${canonicalJson(storable(entry.summary ?? {}))}::jsonb as summary
  `.execute(trx)
  const stored = rows[0]!
  const fields: HashedFields = {
    id: stored.id,
    at: stored.at.toISOString(),
    actor: stored.actor,
    ip: stored.ip,
    action: stored.action,
    entity: stored.entity,
    entityId: stored.entity_id,
    summary: stored.summary,
    prevHash: head.last_hash,
  }
  const hash = auditHash(fields)
  await sql`
    insert into audit_log (id, at, actor, ip, action, entity, entity_id, summary, prev_hash, hash)
    overriding system value
    values (${fields.id}::bigint, ${stored.at}, ${fields.actor}, ${fields.ip}, ${fields.action}, ${fields.entity}, ${fields.entityId}, ${canonicalJson(fields.summary)}::jsonb, ${fields.prevHash}, ${hash})
  `.execute(trx)
  await trx.updateTable('audit_head').set({ last_id: fields.id, last_hash: hash }).where('id', '=', 1).execute()
  return { last_id: fields.id, last_hash: hash }
}
