import { sql, type RawBuilder } from 'kysely'
import type { TimeWindow } from './dossier-history-inputs.js'

/**
 * Several periods as one `from` item `w (w, s, e)` — the period's index, start and end instants —
 * so an input query counts every period of a trend in one pass over the dossiers, grouped by
 * (period, scope), instead of once per period.
 */
export function windowsTable(windows: readonly TimeWindow[]): RawBuilder<unknown> {
  return sql`(values ${sql.join(windows.map((w, i) => sql`(${i}::int, ${w.start}::timestamptz, ${w.end}::timestamptz)`))}) as w (w, s, e)`
}

/** The instants the windows span: [first start, last end). */
export function windowsSpan(windows: readonly TimeWindow[]): TimeWindow {
  return { start: new Date(Math.min(...windows.map((w) => w.start.getTime()))), end: new Date(Math.max(...windows.map((w) => w.end.getTime()))) }
}

/** Rows keyed by (period, scope) back into one map per period, every scope present. */
export function perWindow<Row extends { w: number; scope_id: number }, T>(
  windows: readonly TimeWindow[],
  scopeIds: readonly number[],
  rows: readonly Row[],
  of: (row: Row | undefined, w: number, scopeId: number) => T,
): Map<number, T>[] {
  const byCell = new Map(rows.map((row) => [`${Number(row.w)}:${Number(row.scope_id)}`, row]))
  return windows.map((_, w) => new Map(scopeIds.map((id) => [id, of(byCell.get(`${w}:${id}`), w, id)])))
}
