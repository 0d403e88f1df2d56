import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { RegistryList } from '../../domain/officials/registry-lists.js'
import { writeAudit } from '../audit/write-audit.js'
import { registryListWorkbook } from './registry-list-workbook.js'
import { registryList } from './registry-lists.js'

/** A list of the registry as XLSX; it names people, so the export is audited like every other. */
export async function exportRegistryList(
  db: Kysely<Database>,
  who: { actor: string; ip: string | null },
  list: RegistryList,
  scope: { unitIds: Iterable<number>; unit: { code: string; name: string } },
  on: Date,
): Promise<{ bytes: Buffer; filename: string }> {
  const answer = await registryList(db, list, scope, on)
  const bytes = await registryListWorkbook(answer)
  await db.transaction().execute((trx) =>
    writeAudit(trx, { ...who, action: 'export.officials_list', entity: 'unit', entityId: scope.unit.code, summary: { list, on: answer.on, rows: answer.rows.length } }),
  )
  return { bytes, filename: `danh-sach-${list}-${scope.unit.code}-${answer.on}.xlsx` }
}
