import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { dossierScopes, dossierScopesJoin } from './scope-dossiers.js'
import { perWindow, windowsSpan, windowsTable } from './time-windows.js'

/**
 * 4.2 as Decision 766 counts it: a dossier is digitized when its components and its result carry
 * files. Over the dossiers received in the period with components (as the dashboard's
 * dossier_digitization_rate): every component scanned and, once the result exists (finished or
 * returned), the result scanned too. An open dossier has no result yet to scan.
 * Several scopes (each a unit's subtree) in one query, grouped by scope.
 */
export async function digitizationInput(db: Kysely<Database>, scopeIds: readonly number[], start: Date, end: Date): Promise<Map<number, Fraction>> {
  return (await digitizationInputOverWindows(db, scopeIds, [{ start, end }]))[0]!
}

/** `digitizationInput` for several periods in one pass over the dossiers, grouped by (period, scope). */
export async function digitizationInputOverWindows(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<Map<number, Fraction>[]> {
  const span = windowsSpan(windows)
  const { rows } = await sql<{ w: number; scope_id: number; digitized: number; eligible: number }>`
    select w.w, scope.scope_id,
      (count(*) filter (where d.components_digitized >= d.components_total and (d.result_digitized or d.status not in ('finished', 'returned'))))::int as digitized,
      count(*)::int as eligible
    from dossiers d
    ${dossierScopesJoin(await dossierScopes(db, scopeIds))}
    join ${windowsTable(windows)} on d.received_at >= w.s and d.received_at < w.e
    where d.received_at >= ${span.start} and d.received_at < ${span.end} and d.components_total > 0
    group by w.w, scope.scope_id
  `.execute(db)
  return perWindow(windows, scopeIds, rows, (row) => ({ numerator: Number(row?.digitized ?? 0), denominator: Number(row?.eligible ?? 0) }))
}
