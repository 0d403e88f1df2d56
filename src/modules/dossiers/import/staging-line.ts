import { csvLine } from '../../import/csv-line.js'
import { DOSSIER_FLAG_COLUMNS, FLAG_OF_COLUMN, UNKNOWN_FLAGS } from '../../../domain/dossiers/dossier-flags.js'
import type { StagedDossier } from './resolve-dossier.js'

function nullable(value: string | null): string {
  // In COPY csv an unquoted empty field is NULL; a quoted empty string is ''.
  return value === null ? '' : value
}

const flagCell = (value: boolean | null | undefined): string => (value === true ? 't' : value === false ? 'f' : '')

/** One row of the staging table's COPY (columns as STAGING_COLUMNS of dossier-import-run.ts). */
export function stagingLine(runId: string, d: StagedDossier): string {
  const i = d.input
  const flags = i.flags ?? UNKNOWN_FLAGS
  const fields = [
    runId, String(d.line), i.code, String(d.receivingUnitId), String(d.procedureId), String(d.procedureVersionId), i.channel, i.status,
    i.receivedAt.toISOString(), d.dueAt.toISOString(), nullable(i.finishedAt?.toISOString() ?? null), nullable(i.returnedAt?.toISOString() ?? null),
    String(i.componentsTotal), String(i.componentsDigitized), i.resultDigitized ? 't' : 'f', String(i.feeVnd), i.paidOnline ? 't' : 'f',
    String(i.ecertCopies), nullable(i.rating),
    ...DOSSIER_FLAG_COLUMNS.map((column) => flagCell(flags[FLAG_OF_COLUMN[column]])),
    d.decidingUnitId === null ? '' : String(d.decidingUnitId),
  ]
  // csvLine quotes only what needs it, so an empty field stays NULL.
  return csvLine(fields)
}
