import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { ProcedureComponent } from '../../domain/procedures/procedure-input.js'

/**
 * The current (newest) version of every procedure, as the desk's search and the citizens'
 * catalogue read it: the catalogue is a few hundred rows, matched in JS with accents folded.
 */
export async function currentProcedureVersions(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('procedure_versions as pv')
    .innerJoin('procedures as p', 'p.id', 'pv.procedure_id')
    .select(['p.code', 'pv.version', 'pv.name', 'pv.field', 'pv.level', 'pv.online_level', 'pv.processing_days', 'pv.fee_vnd', 'pv.cutoff_time', 'pv.components', 'pv.publicly_listed', 'pv.payment_integrated'])
    .orderBy('p.code')
    .orderBy('pv.version', 'desc')
    .execute()
  const current = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!current.has(row.code)) current.set(row.code, row)
  return [...current.values()]
}

/** A version's components as the API numbers them (position from 1). */
export const numberedComponents = (components: unknown) => ((components ?? []) as ProcedureComponent[]).map((c, i) => ({ position: i + 1, name: c.name, required: c.required }))
