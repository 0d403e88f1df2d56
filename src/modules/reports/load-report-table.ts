import type { Kysely } from 'kysely'
import type { Database, UnitRow } from '../../db/schema.js'
import { checkPeriod, type CheckedPeriod } from '../../domain/indicators/period.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import { getIndicatorTable, type IndicatorTable } from '../indicators/indicator-table.js'
import { getUnitByCode, unitTreeAsOf } from '../units/units.repository.js'

/** The figures every report starts from: the unit, its parent, and the indicator table with children. */
export interface ReportTable {
  unit: UnitRow
  parent: UnitRow | null
  period: CheckedPeriod
  table: IndicatorTable
}

/** Same engine as the indicators API: the subtree row, the unit's own row, then each child; targets, change and ranks. */
export async function loadReportTable(
  db: Kysely<Database>,
  request: { unitCode: string; from: string | undefined; to: string | undefined; ecertSince?: LocalDate | undefined },
): Promise<ReportTable> {
  const period = checkPeriod(request.from, request.to)
  const unit = await getUnitByCode(db, request.unitCode)
  // The parent of the period's tree: a commune whose district ended on 30/6/2025 reports to the province.
  const [asOf] = await unitTreeAsOf(db, period.to, new Set([unit.id]))
  const parentCode = asOf ? asOf.parent_code : null
  const parent = parentCode !== null
    ? await getUnitByCode(db, parentCode)
    : asOf || unit.parent_id === null ? null : ((await db.selectFrom('units').selectAll().where('id', '=', unit.parent_id).executeTakeFirst()) ?? null)
  const table = await getIndicatorTable(db, { unitCode: unit.code, from: period.from, to: period.to, children: true, ecertSince: request.ecertSince })
  return { unit, parent, period, table }
}
