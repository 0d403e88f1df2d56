import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { matchProcedures } from '../../domain/procedures/search-text.js'
import { currentProcedureVersions, numberedComponents } from '../procedures/current-versions.js'

/** The catalogue as the desk searches it: the current version of each procedure, accents folded. */
export async function searchProcedures(db: Kysely<Database>, query: string, limit = 50) {
  return matchProcedures(await currentProcedureVersions(db), query)
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
      components: numberedComponents(r.components),
    }))
}
