import { loadReceivingUnits } from '../../units/receiving-units.js'
import type { ReceivingUnit } from '../../../domain/units/unit-validity.js'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema.js'

export interface ProcedureVersionRef {
  id: number
  validFrom: Date | null
  processingDays: number
  cutoffTime: string | null
}

export interface DossierLookups {
  unitIdByCode: ReadonlyMap<string, number>
  /** Each unit's days of existence and successor: a dissolved unit receives nothing more. */
  receivingUnits: ReadonlyMap<string, ReceivingUnit>
  procedures: ReadonlyMap<string, { id: number; versions: ProcedureVersionRef[] }>
}

/** Units and procedures are few: held in memory while a dossier file streams past. */
export async function loadDossierLookups(db: Kysely<Database>): Promise<DossierLookups> {
  const units = await loadReceivingUnits(db)
  const versions = await db
    .selectFrom('procedure_versions')
    .innerJoin('procedures', 'procedures.id', 'procedure_versions.procedure_id')
    .select(['procedures.code', 'procedures.id as procedureId', 'procedure_versions.id', 'procedure_versions.valid_from', 'procedure_versions.processing_days', 'procedure_versions.cutoff_time'])
    .orderBy('procedure_versions.version')
    .execute()
  const procedures = new Map<string, { id: number; versions: ProcedureVersionRef[] }>()
  for (const v of versions) {
    const entry = procedures.get(v.code) ?? { id: v.procedureId, versions: [] }
    entry.versions.push({ id: v.id, validFrom: v.valid_from, processingDays: Number(v.processing_days), cutoffTime: v.cutoff_time })
    procedures.set(v.code, entry)
  }
  return { unitIdByCode: new Map(units.map((u) => [u.code, u.id])), receivingUnits: new Map(units.map((u) => [u.code, u])), procedures }
}

/** The version in force when the dossier was received (the first one for older dossiers). */
export function versionAt(versions: readonly ProcedureVersionRef[], receivedAt: Date): ProcedureVersionRef {
  let chosen = versions[0]!
  for (const version of versions) if (version.validFrom === null || version.validFrom <= receivedAt) chosen = version
  return chosen
}
