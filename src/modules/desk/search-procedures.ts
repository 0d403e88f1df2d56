import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { ProcedureComponent } from '../../domain/procedures/procedure-input.js'
import { matchProcedures } from '../../domain/procedures/search-text.js'

/**
 * The catalogue as the desk searches it: the current version of each procedure, matched in JS
 * with accents folded (the catalogue is a few hundred rows; no unaccent index needed).
 */
export async function searchProcedures(db: Kysely<Database>, query: string, limit = 50) {
  const rows = await db
    .selectFrom('procedure_versions as pv')
    .innerJoin('procedures as p', 'p.id', 'pv.procedure_id')
    .select(['p.code', 'pv.version', 'pv.name', 'pv.field', 'pv.level', 'pv.online_level', 'pv.processing_days', 'pv.fee_vnd', 'pv.cutoff_time', 'pv.components', 'pv.publicly_listed'])
    .orderBy('p.code')
    .orderBy('pv.version', 'desc')
    .execute()
  const current = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!current.has(row.code)) current.set(row.code, row)
  return matchProcedures([...current.values()], query)
    .slice(0, limit)
    .map((r) => ({
      code: r.code,
      version: r.version,
      name: r.name,
      field: r.field,
      level: r.level,
      online_level: r.online_level,
      processing_days: Number(r.processing_days),
      fee_vnd: Number(r.fee_vnd),
      cutoff_time: r.cutoff_time,
      publicly_listed: r.publicly_listed,
      components: ((r.components ?? []) as ProcedureComponent[]).map((c, i) => ({ position: i + 1, name: c.name, required: c.required })),
    }))
}
