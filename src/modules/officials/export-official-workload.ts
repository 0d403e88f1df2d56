import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { writeAudit } from '../audit/write-audit.js'
import { officialWorkloadWorkbook } from './official-workload-workbook.js'
import type { OfficialWorkload } from './official-workload.js'

/** The per-official counts as an XLSX file; the export is audited. */
export async function exportOfficialWorkload(db: Kysely<Database>, workload: OfficialWorkload, who: { actor: string; ip: string }) {
  const xlsx = await officialWorkloadWorkbook(workload)
  await db.transaction().execute((trx) =>
    writeAudit(trx, { actor: who.actor, ip: who.ip, action: 'export.official_workload', entity: 'unit', entityId: workload.unit.code, summary: { from: workload.from, to: workload.to, rows: workload.rows.length } }),
  )
  return { xlsx, filename: `ket-qua-theo-can-bo-${workload.unit.code}-${workload.from}-${workload.to}.xlsx` }
}
