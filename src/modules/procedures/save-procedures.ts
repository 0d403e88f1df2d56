import type { Transaction } from 'kysely'
import type { Database, ProcedureVersionRow } from '../../db/schema.js'
import type { ProcedureInput } from '../../domain/procedures/procedure-input.js'
import type { ProcedurePublication } from '../../domain/procedures/publication.js'
import type { SaveCounts } from '../units/save-units.js'

function sameVersion(current: ProcedureVersionRow, input: ProcedureInput): boolean {
  return (
    current.name === input.name &&
    current.field === input.field &&
    current.level === input.level &&
    current.online_level === input.onlineLevel &&
    Number(current.processing_days) === input.processingDays &&
    Number(current.fee_vnd) === input.feeVnd &&
    current.cutoff_time === (input.cutoffTime ?? null) &&
    (input.components === undefined || JSON.stringify(current.components) === JSON.stringify(input.components))
  )
}

const PUBLICATION_FIELDS = {
  decisionNumber: 'decision_number',
  decidedOn: 'decided_on',
  legalBasisEffectiveOn: 'legal_basis_effective_on',
  madePublicOn: 'made_public_on',
  nationalDbUpdatedOn: 'national_db_updated_on',
  allPartsPublished: 'all_parts_published',
  usesPopulationData: 'uses_population_data',
  paymentIntegrated: 'payment_integrated',
} as const satisfies Record<keyof ProcedurePublication, keyof ProcedureVersionRow>

type PublicationColumns = { [K in keyof ProcedurePublication as (typeof PUBLICATION_FIELDS)[K]]?: ProcedurePublication[K] }

/** The columns of the facts given; a fact left out is not touched. */
function publicationColumns(p: Partial<ProcedurePublication>): PublicationColumns {
  const columns: Record<string, string | boolean | null> = {}
  for (const [field, column] of Object.entries(PUBLICATION_FIELDS) as [keyof ProcedurePublication, string][]) {
    const value = p[field]
    if (value !== undefined) columns[column] = value
  }
  return columns as PublicationColumns
}

function samePublication(current: ProcedureVersionRow, input: ProcedureInput): boolean {
  if (input.publication === undefined) return true
  const wanted = publicationColumns(input.publication)
  return (Object.keys(wanted) as (keyof PublicationColumns)[]).every((column) => current[column] === wanted[column])
}

/**
 * A new procedure gets version 1 (valid from the beginning: older dossiers may refer to it);
 * a changed one gets a new version valid from now, so dossiers already received keep theirs.
 * Publication facts are about the version in force: when only they differ, the latest version is
 * updated in place; a new version starts with those given (or none known).
 */
export async function saveProcedures(trx: Transaction<Database>, inputs: readonly ProcedureInput[], now = new Date()): Promise<SaveCounts> {
  const counts: SaveCounts = { inserted: 0, updated: 0, unchanged: 0 }
  const current = await trx
    .selectFrom('procedures')
    .innerJoin('procedure_versions', 'procedure_versions.procedure_id', 'procedures.id')
    .selectAll('procedure_versions')
    .select('procedures.code')
    .orderBy('procedure_versions.version', 'desc')
    .execute()
  const latest = new Map<string, (typeof current)[number]>()
  for (const row of current) if (!latest.has(row.code)) latest.set(row.code, row)

  for (const input of inputs) {
    const existing = latest.get(input.code)
    if (existing && sameVersion(existing, input)) {
      if (samePublication(existing, input)) counts.unchanged++
      else {
        await trx.updateTable('procedure_versions').set(publicationColumns(input.publication!)).where('id', '=', existing.id).execute()
        counts.updated++
      }
      continue
    }
    const procedureId = existing
      ? existing.procedure_id
      : (await trx.insertInto('procedures').values({ code: input.code }).returning('id').executeTakeFirstOrThrow()).id
    await trx
      .insertInto('procedure_versions')
      .values({
        procedure_id: procedureId,
        version: existing ? existing.version + 1 : 1,
        valid_from: existing ? now : null,
        name: input.name,
        field: input.field,
        level: input.level,
        online_level: input.onlineLevel,
        processing_days: input.processingDays,
        fee_vnd: input.feeVnd,
        cutoff_time: input.cutoffTime ?? null,
        components: JSON.stringify(input.components ?? (existing ? existing.components : [])),
        ...(input.publication ? publicationColumns(input.publication) : {}),
      })
      .execute()
    if (existing) counts.updated++
    else counts.inserted++
  }
  return counts
}
