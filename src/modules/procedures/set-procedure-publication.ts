import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { ProcedurePublication } from '../../domain/procedures/publication.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'

export interface PublicationOfVersion extends ProcedurePublication {
  code: string
  version: number
}

function publicationOfRow(row: {
  decision_number: string | null; decided_on: string | null; legal_basis_effective_on: string | null; made_public_on: string | null
  national_db_updated_on: string | null; all_parts_published: boolean | null; uses_population_data: boolean | null; payment_integrated: boolean | null
}): ProcedurePublication {
  return {
    decisionNumber: row.decision_number, decidedOn: row.decided_on, legalBasisEffectiveOn: row.legal_basis_effective_on, madePublicOn: row.made_public_on,
    nationalDbUpdatedOn: row.national_db_updated_on, allPartsPublished: row.all_parts_published, usesPopulationData: row.uses_population_data,
    paymentIntegrated: row.payment_integrated,
  }
}

async function latestVersion(db: Kysely<Database>, code: string) {
  const row = await db
    .selectFrom('procedure_versions as pv')
    .innerJoin('procedures as p', 'p.id', 'pv.procedure_id')
    .selectAll('pv')
    .select('p.code')
    .where('p.code', '=', code)
    .orderBy('pv.version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) throw new AppError(ErrorCode.notFound, `unknown procedure ${code}`, `Không có thủ tục hành chính với mã ${code}`)
  return row
}

/** The publication of a procedure's latest version. */
export async function getProcedurePublication(db: Kysely<Database>, code: string): Promise<PublicationOfVersion> {
  const row = await latestVersion(db, code)
  return { code: row.code, version: row.version, ...publicationOfRow(row) }
}

/**
 * Records the publication of a procedure's latest version (the one procedures.csv's publication
 * columns update): every field replaced, null = not known; the change and its audit row (before
 * and after) in one transaction.
 */
export async function setProcedurePublication(db: Kysely<Database>, code: string, publication: ProcedurePublication, who: { actor: string; ip?: string | null }): Promise<PublicationOfVersion> {
  if (publication.decidedOn && publication.nationalDbUpdatedOn && publication.nationalDbUpdatedOn < publication.decidedOn) {
    throw new AppError(ErrorCode.validation, 'national db before decision', 'Ngày cập nhật CSDL quốc gia trước ngày quyết định công bố')
  }
  if (publication.decidedOn && publication.madePublicOn && publication.madePublicOn < publication.decidedOn) {
    throw new AppError(ErrorCode.validation, 'made public before decision', 'Ngày công khai trước ngày quyết định công bố')
  }
  return db.transaction().execute(async (trx) => {
    const row = await latestVersion(trx, code)
    await trx
      .updateTable('procedure_versions')
      .set({
        decision_number: publication.decisionNumber, decided_on: publication.decidedOn, legal_basis_effective_on: publication.legalBasisEffectiveOn,
        made_public_on: publication.madePublicOn, national_db_updated_on: publication.nationalDbUpdatedOn, all_parts_published: publication.allPartsPublished,
        uses_population_data: publication.usesPopulationData, payment_integrated: publication.paymentIntegrated,
      })
      .where('id', '=', row.id)
      .execute()
    await writeAudit(trx, {
      actor: who.actor, ip: who.ip ?? null, action: 'procedure.publication', entity: 'procedure', entityId: code,
      summary: { version: row.version, before: publicationOfRow(row), after: publication },
    })
    return { code, version: row.version, ...publication }
  })
}

export interface PublicationListItem extends PublicationOfVersion {
  name: string
  level: string
}

/** Every procedure's latest version with its publication, by code: the list the console edits. */
export async function listProcedurePublications(db: Kysely<Database>): Promise<PublicationListItem[]> {
  const rows = await db
    .selectFrom('procedure_versions as pv')
    .innerJoin('procedures as p', 'p.id', 'pv.procedure_id')
    .selectAll('pv')
    .select('p.code')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('procedure_versions as newer').select('newer.id').whereRef('newer.procedure_id', '=', 'pv.procedure_id').whereRef('newer.version', '>', 'pv.version'))),
    )
    .orderBy('p.code')
    .execute()
  return rows.map((row) => ({ code: row.code, version: row.version, name: row.name, level: row.level, ...publicationOfRow(row) }))
}
