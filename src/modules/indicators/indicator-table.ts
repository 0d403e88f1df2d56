import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { isRate, type IndicatorValue } from '../../domain/indicators/compute-indicators.js'
import { INDICATOR_IDS, type IndicatorId } from '../../domain/indicators/indicator-id.js'
import { checkPeriod, previousPeriod } from '../../domain/indicators/period.js'
import { rankByValue } from '../../domain/indicators/ranking.js'
import type { TableFigure } from '../../domain/indicators/table-figure.js'
import { checkTarget } from '../../domain/indicators/target.js'
import { reportOfTargets, reportTargets, treeDayOfRequest, type IndicatorRequest, type IndicatorRow } from './get-indicators.js'
import { targetFor, targetsOfYear } from './targets.repository.js'

export type EnrichedFigure = TableFigure

export interface IndicatorTableRow extends Omit<IndicatorRow, 'indicators'> {
  indicators: Partial<Record<IndicatorId, EnrichedFigure>>
}

export interface IndicatorTable {
  from: string
  to: string
  previous: { from: string; to: string }
  rows: IndicatorTableRow[]
}

/** Administrative units are compared with each other; offices are not their peers. */
export function isRankedPeer(row: { unit_kind: string }): boolean {
  return row.unit_kind !== 'office'
}

function valueOf(figure: IndicatorValue | undefined): number | null {
  return figure === undefined ? null : figure.value
}

/**
 * The dashboard's table: every figure with its target (met or missed, and the gap), the change
 * from the previous period of the same length, and the children ranked among themselves.
 * `signal` stops it between its queries when nobody wants the answer any more.
 */
export async function getIndicatorTable(db: Kysely<Database>, request: IndicatorRequest, signal?: AbortSignal): Promise<IndicatorTable> {
  const period = checkPeriod(request.from, request.to)
  const before = previousPeriod(period)
  // The previous period is listed by the same tree, so each row compares a unit with itself.
  const treeDay = treeDayOfRequest(request, period)
  // The unit and its children are looked up once for both periods.
  const units = await reportTargets(db, { unitCode: request.unitCode, children: true }, treeDay)
  signal?.throwIfAborted()
  const current = await reportOfTargets(db, units, period, { ...request, treeDay })
  signal?.throwIfAborted()
  const previous = await reportOfTargets(db, units, before, { ...request, treeDay })
  signal?.throwIfAborted()
  const targets = await targetsOfYear(db, Number(period.to.slice(0, 4)))
  // Offices (phòng, ban) sit under a district but receive no dossiers: they are shown, not ranked.
  const childRows = current.rows.slice(2).filter(isRankedPeer)
  const ranks = new Map<IndicatorId, Map<string, number | null>>()
  for (const id of INDICATOR_IDS) {
    const ranked = rankByValue(childRows, (row) => valueOf(row.indicators[id]))
    ranks.set(id, new Map(ranked.map((r) => [r.item.unit_code, r.rank])))
  }
  const rows = (request.children ? current.rows : current.rows.slice(0, 1)).map((row, index): IndicatorTableRow => {
    const before = previous.rows[index]!
    const indicators: Partial<Record<IndicatorId, EnrichedFigure>> = {}
    for (const id of INDICATOR_IDS) {
      const figure = row.indicators[id]
      if (!figure) continue
      const previousValue = valueOf(before.indicators[id])
      const target = isRate(figure) ? targetFor(targets, id, { code: row.unit_code, kind: row.unit_kind }, row.scope) : undefined
      indicators[id] = {
        ...figure,
        previous: previousValue,
        change: figure.value !== null && previousValue !== null ? Math.round((figure.value - previousValue) * 100) / 100 : null,
        target: target && isRate(figure) ? checkTarget(figure, target) : null,
        rank: index >= 2 && isRankedPeer(row) ? ranks.get(id)!.get(row.unit_code) ?? null : null,
      }
    }
    return { ...row, indicators }
  })
  return { from: current.from, to: current.to, previous: before, rows }
}
