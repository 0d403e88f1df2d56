import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { writeAudit } from '../audit/write-audit.js'
import { ecertRegisterWorkbook } from './ecert-register-workbook.js'
import { listEcertRegister } from './ecert-register.repository.js'

/** The register as an XLSX file; the export is audited, as every export of dossiers' personal data is. */
export async function exportEcertRegister(db: Kysely<Database>, unit: { id: number; code: string; name: string }, year: number, who: { actor: string; ip: string | null }): Promise<Buffer> {
  const entries = await listEcertRegister(db, unit.id, year)
  const bytes = await ecertRegisterWorkbook(unit, year, entries)
  await db.transaction().execute((trx) =>
    writeAudit(trx, { actor: who.actor, ip: who.ip, action: 'export.ecert_register', entity: 'unit', entityId: unit.code, summary: { year, entries: entries.length } }))
  return bytes
}
