import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Fraction } from '../../domain/index766/score-unit.js'
import type { TimeWindow } from './dossier-history-inputs.js'
import { dossierScopes, dossierScopesJoin } from './scope-dossiers.js'
import { perWindow, windowsSpan, windowsTable } from './time-windows.js'

/**
 * 3.x as Decision 766 counts it: online dossiers of full-online procedures (trực tuyến toàn
 * trình) / dossiers of those procedures, received in the period in the unit's subtree. The
 * dashboard's online_rate also counts partly-online procedures; the index does not. Read from
 * the dossiers with their pinned procedure version — the rollups do not split by online level.
 * Several scopes (each a unit's subtree) in one query, grouped by scope.
 */
export async function fullOnlineInput(db: Kysely<Database>, scopeIds: readonly number[], start: Date, end: Date): Promise<Map<number, Fraction>> {
  return (await fullOnlineInputOverWindows(db, scopeIds, [{ start, end }]))[0]!
}

/** `fullOnlineInput` for several periods in one pass over the dossiers, grouped by (period, scope). */
export async function fullOnlineInputOverWindows(db: Kysely<Database>, scopeIds: readonly number[], windows: readonly TimeWindow[]): Promise<Map<number, Fraction>[]> {
  const span = windowsSpan(windows)
  const { rows } = await sql<{ w: number; scope_id: number; online: number; eligible: number }>`
    select w.w, scope.scope_id, (count(*) filter (where d.channel = 'online'))::int as online, count(*)::int as eligible
    from dossiers d
    join procedure_versions pv on pv.id = d.procedure_version_id
    ${dossierScopesJoin(await dossierScopes(db, scopeIds))}
    join ${windowsTable(windows)} on d.received_at >= w.s and d.received_at < w.e
    where d.received_at >= ${span.start} and d.received_at < ${span.end} and pv.online_level = 'full'
    group by w.w, scope.scope_id
  `.execute(db)
  return perWindow(windows, scopeIds, rows, (row) => ({ numerator: Number(row?.online ?? 0), denominator: Number(row?.eligible ?? 0) }))
}
