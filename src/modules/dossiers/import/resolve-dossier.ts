import { receptionRefusal } from '../../../domain/units/unit-validity.js'
import { toVietnamDate } from '../../../domain/time/vietnam-time.js'
import type { DossierInput } from '../../../domain/dossiers/dossier-input.js'
import type { ImportIssue } from '../../import/import-issue.js'
import type { DueDateMemo } from './due-date-memo.js'
import { versionAt, type DossierLookups } from './dossier-lookups.js'

/** A dossier ready for the staging table: codes resolved to ids, the due date known. */
export interface StagedDossier {
  line: number
  input: DossierInput
  receivingUnitId: number
  /** Null: the receiving unit decides it. */
  decidingUnitId: number | null
  procedureId: number
  procedureVersionId: number
  dueAt: Date
}

export type Resolution = { ok: true; staged: StagedDossier } | { ok: false; issues: ImportIssue[] }

export function resolveDossier(line: number, input: DossierInput, lookups: DossierLookups, dueDates: DueDateMemo): Resolution {
  const issues: ImportIssue[] = []
  const unitId = lookups.unitIdByCode.get(input.unitCode)
  if (unitId === undefined) issues.push({ line, column: 'unit_code', value: input.unitCode, reason: 'không có đơn vị với mã này' })
  const receiver = lookups.receivingUnits.get(input.unitCode)
  const refusal = receiver ? receptionRefusal(receiver, toVietnamDate(input.receivedAt)) : null
  if (refusal !== null) issues.push({ line, column: 'unit_code', value: input.unitCode, reason: refusal })
  // The deciding unit, when another (Decree 118/2025): known, and existing that day too.
  const decider = input.decidingUnitCode ? lookups.receivingUnits.get(input.decidingUnitCode) : undefined
  if (input.decidingUnitCode && !decider) issues.push({ line, column: 'deciding_unit_code', value: input.decidingUnitCode, reason: 'không có đơn vị với mã này' })
  const deciderRefusal = decider ? receptionRefusal(decider, toVietnamDate(input.receivedAt)) : null
  if (deciderRefusal !== null) issues.push({ line, column: 'deciding_unit_code', value: input.decidingUnitCode ?? '', reason: deciderRefusal })
  const procedure = lookups.procedures.get(input.procedureCode)
  if (procedure === undefined) issues.push({ line, column: 'procedure_code', value: input.procedureCode, reason: 'không có thủ tục hành chính với mã này' })
  if (unitId === undefined || procedure === undefined || refusal !== null || (input.decidingUnitCode && !decider) || deciderRefusal !== null) return { ok: false, issues }
  const version = versionAt(procedure.versions, input.receivedAt)
  const dueAt = input.dueAt ?? dueDates.dueAt(input.receivedAt, version.processingDays, version.cutoffTime)
  return { ok: true, staged: { line, input, receivingUnitId: unitId, decidingUnitId: decider ? lookups.unitIdByCode.get(decider.code)! : null, procedureId: procedure.id, procedureVersionId: version.id, dueAt } }
}
