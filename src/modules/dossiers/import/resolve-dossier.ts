import { computeDueAt } from '../../../domain/calendar/deadline.js'
import type { WorkingCalendar } from '../../../domain/calendar/working-calendar.js'
import type { DossierInput } from '../../../domain/dossiers/dossier-input.js'
import type { ImportIssue } from '../../import/import-issue.js'
import { versionAt, type DossierLookups } from './dossier-lookups.js'

/** A dossier ready for the staging table: codes resolved to ids, the due date known. */
export interface StagedDossier {
  line: number
  input: DossierInput
  receivingUnitId: number
  procedureId: number
  procedureVersionId: number
  dueAt: Date
}

export type Resolution = { ok: true; staged: StagedDossier } | { ok: false; issues: ImportIssue[] }

export function resolveDossier(line: number, input: DossierInput, lookups: DossierLookups, calendar: WorkingCalendar): Resolution {
  const issues: ImportIssue[] = []
  const unitId = lookups.unitIdByCode.get(input.unitCode)
  if (unitId === undefined) issues.push({ line, column: 'unit_code', value: input.unitCode, reason: 'không có đơn vị với mã này' })
  const procedure = lookups.procedures.get(input.procedureCode)
  if (procedure === undefined) issues.push({ line, column: 'procedure_code', value: input.procedureCode, reason: 'không có thủ tục hành chính với mã này' })
  if (unitId === undefined || procedure === undefined) return { ok: false, issues }
  const version = versionAt(procedure.versions, input.receivedAt)
  const dueAt =
    input.dueAt ??
    computeDueAt(calendar, { receivedAt: input.receivedAt, processingDays: version.processingDays, ...(version.cutoffTime ? { cutoff: version.cutoffTime } : {}) })
  return { ok: true, staged: { line, input, receivingUnitId: unitId, procedureId: procedure.id, procedureVersionId: version.id, dueAt } }
}
