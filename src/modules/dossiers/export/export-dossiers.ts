import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { rename, rm } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { DOSSIER_FLAG_COLUMNS } from '../../../domain/dossiers/dossier-flags.js'
import { formatVietnamIso } from '../../../domain/format/vietnam-iso.js'
import { AppError, ErrorCode } from '../../../domain/shared/app-error.js'
import { spreadsheetCsvLine } from '../../import/csv-line.js'
import { formatOf } from '../../import/tabular-file.js'
import { writeAudit } from '../../audit/write-audit.js'
import { dossierInScope } from '../../indicators/scope-members.js'
import { DOSSIER_IMPORT_COLUMNS, type DecidingUnitColumn, type DossierColumn } from '../import/dossier-columns.js'

export interface ExportFilter {
  /** Only dossiers received by this unit or any unit below it. */
  unitCode?: string
  /**
   * With the unit: also the dossiers of every unit the unit and those below it succeeded
   * (today's units, docs/TWO-LEVEL-GOVERNMENT.md), as their figures count them (scope-members.ts).
   */
  withPredecessors?: boolean
  /** Received from this instant (inclusive) … */
  from?: Date
  /** … to this instant (exclusive). */
  to?: Date
  /** Who exports, for the audit log. */
  actor?: string
}

const PAGE = 10_000

type ExportRow = Record<DossierColumn | DecidingUnitColumn, string>

const flag = (value: boolean | null) => (value === null ? '' : String(value))

async function* exportRows(handle: DatabaseHandle, filter: ExportFilter): AsyncGenerator<ExportRow> {
  let unitId: number | null = null
  if (filter.unitCode) {
    const unit = await handle.db.selectFrom('units').select('id').where('code', '=', filter.unitCode).executeTakeFirst()
    if (!unit) throw new AppError(ErrorCode.notFound, `unknown unit ${filter.unitCode}`, `Không có đơn vị với mã ${filter.unitCode}`)
    unitId = unit.id
  }
  let afterId = '0'
  for (;;) {
    let query = handle.db
      .selectFrom('dossiers as d')
      .innerJoin('units as u', 'u.id', 'd.receiving_unit_id')
      .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
      .innerJoin('units as decider', 'decider.id', 'd.deciding_unit_id')
      .select([
        'decider.code as deciding_unit_code',
        'd.id', 'd.code', 'u.code as unit_code', 'p.code as procedure_code', 'd.channel', 'd.received_at', 'd.due_at', 'd.finished_at',
        'd.returned_at', 'd.status', 'd.components_total', 'd.components_digitized', 'd.result_digitized', 'd.fee_vnd', 'd.paid_online',
        'd.ecert_copies', 'd.rating', ...DOSSIER_FLAG_COLUMNS.map((c) => `d.${c}` as const),
      ])
      .where('d.id', '>', afterId)
      .orderBy('d.id')
      .limit(PAGE)
    if (unitId !== null) {
      const ancestor = unitId
      query = filter.withPredecessors
        ? // as the indicators count today's units: a split unit's dossier named to a successor goes with it (dossier_heirs)
          query.where(dossierInScope(sql.ref('d.receiving_unit_id'), ancestor, false))
        : query.where('d.receiving_unit_id', 'in', (qb) => qb.selectFrom('unit_closure').select('descendant_id').where('ancestor_id', '=', ancestor))
    }
    if (filter.from) query = query.where('d.received_at', '>=', filter.from)
    if (filter.to) query = query.where('d.received_at', '<', filter.to)
    const page = await query.execute()
    for (const d of page) {
      const time = (value: Date | null) => (value ? formatVietnamIso(value) : '')
      yield {
        code: d.code,
        unit_code: d.unit_code,
        procedure_code: d.procedure_code,
        channel: d.channel,
        received_at: time(d.received_at),
        due_at: time(d.due_at),
        finished_at: time(d.finished_at),
        returned_at: time(d.returned_at),
        status: d.status,
        components_total: String(d.components_total),
        components_digitized: String(d.components_digitized),
        result_digitized: String(d.result_digitized),
        fee_vnd: String(d.fee_vnd),
        paid_online: String(d.paid_online),
        ecert_copies: String(d.ecert_copies),
        rating: d.rating ?? '',
        // Empty = not known, as the import reads it.
        synced_national: flag(d.synced_national),
        reused_data: flag(d.reused_data),
        linked_data_store: flag(d.linked_data_store),
        population_data_used: flag(d.population_data_used),
        result_on_paper: flag(d.result_on_paper),
        e_result_issued: flag(d.e_result_issued),
        // The extension column (INTERCHANGE-EXTENSIONS.md): who decides it, the receiver when no other.
        deciding_unit_code: d.deciding_unit_code,
      }
    }
    if (page.length < PAGE) return
    afterId = String(page.at(-1)!.id)
  }
}

/**
 * Writes dossiers in the interchange format (canonical headers, Vietnam times with their
 * offset), so the file imports back to the same data. Written to a temporary name and
 * renamed: a failed export leaves no half file.
 */
export async function exportDossiers(handle: DatabaseHandle, path: string, filter: ExportFilter = {}): Promise<number> {
  const columns = DOSSIER_IMPORT_COLUMNS.map((c) => c.name)
  const partial = `${path}.partial`
  let count = 0
  try {
    if (formatOf(path) === 'xlsx') {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: false, useStyles: false })
      const sheet = workbook.addWorksheet('dossiers')
      sheet.addRow(columns).commit()
      for await (const row of exportRows(handle, filter)) {
        sheet.addRow(columns.map((c) => row[c])).commit()
        count++
      }
      sheet.commit()
      await workbook.commit()
    } else {
      const out = createWriteStream(partial)
      out.write(spreadsheetCsvLine(columns))
      for await (const row of exportRows(handle, filter)) {
        if (!out.write(spreadsheetCsvLine(columns.map((c) => row[c])))) await once(out, 'drain')
        count++
      }
      out.end()
      await once(out, 'finish')
    }
    await rename(partial, path)
    await handle.db.transaction().execute((trx) =>
      writeAudit(trx, { actor: filter.actor ?? 'system', action: 'export.dossiers', entity: 'dossiers', summary: { file: path, count, unit: filter.unitCode ?? null, with_predecessors: filter.withPredecessors === true, from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null } }),
    )
    return count
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  }
}
