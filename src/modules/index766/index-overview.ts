import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { parseIndexPeriod } from '../../domain/index766/index-period.js'
import { chooseFormulaSet } from '../../domain/index766/choose-formula-set.js'
import { DEFAULT_FORMULA_SET } from '../../domain/index766/default-formula-set.js'
import { indexTrendPeriods } from '../../domain/index766/index-trend-periods.js'
import { scoreUnit } from '../../domain/index766/score-unit.js'
import { rankByValue } from '../../domain/indicators/ranking.js'
import { UnitKind } from '../../domain/units/unit-kind.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { indexInputsOverPeriods, indexReportOf, indexScopeOptionsOf, type IndexReport, type IndexRequest } from './compute-index.js'
import { childrenAsOf, getUnitByCode } from '../units/units.repository.js'

/** A child unit's index for the same period, and its place among its siblings. */
export interface IndexChild {
  unit_code: string
  unit_name: string
  kind: string
  /** Points scored. */
  total: number
  /** Points that could be scored: the maximum less what has no data ("chưa có dữ liệu"). */
  max_total: number
  band: string | null
  /** 1 for the best; equal totals share a rank (1, 2, 2, 4). */
  rank: number
}

/** The unit's index for one month or quarter of the trend (xu hướng). */
export interface IndexTrendPoint {
  period: string
  from: string
  to: string
  total: number
  max_total: number
}

/** What the index page shows: the unit's score, its children ranked, its trend. */
export interface IndexOverview {
  report: IndexReport
  children: IndexChild[]
  trend: IndexTrendPoint[]
}

/** Kinds of child units that are scored and ranked (đơn vị hành chính); offices are not. */
const RANKED_KINDS: readonly string[] = [UnitKind.district, UnitKind.commune]

const collator = new Intl.Collator('vi')

/**
 * A unit's Decision 766 score for a period (as `computeIndex` gives it), each direct child
 * district or commune scored for the same period and ranked by total (ties share a rank, then
 * by name), and the unit's score month by month up to the period's end (quarter by quarter
 * for a year). The unit, its children and the trend's periods are scored together
 * (`indexInputsOverPeriods`: each query over the dossiers once, grouped by period and unit; the
 * histories judged in the database; the trend's periods for the unit alone). `signal` stops it between periods when nobody wants the answer.
 */
export async function indexOverview(db: Kysely<Database>, request: IndexRequest, signal?: AbortSignal): Promise<IndexOverview> {
  const period = parseIndexPeriod(request.period)
  // The set in force for the whole period (the trend's periods are scored with it too, to compare like with like).
  const set = request.formulaSet ?? chooseFormulaSet(period).set ?? DEFAULT_FORMULA_SET
  const unit = await getUnitByCode(db, request.unitCode)
  const { from, to } = period
  // One calendar for every child and trend period, not one read each.
  const calendar = await loadWorkingCalendar(db)

  // The children of the tree's day (the period's, or today's units), each with its predecessors' dossiers (index-scope.ts).
  const scope = indexScopeOptionsOf(request, period)
  const childUnits = (await childrenAsOf(db, unit.id, scope.treeDay)).filter((child) => RANKED_KINDS.includes(child.kind))
  // The period for the unit and its children and the trend's other periods for the unit alone,
  // read together: each pass over the dossiers serves all of them.
  const trendPeriods = indexTrendPeriods(period)
  const toScore = trendPeriods.filter((point) => point.from !== from || point.to !== to)
  const [periodInputs, ...trendInputs] = await indexInputsOverPeriods(
    db,
    [unit.id, ...childUnits.map((child) => child.id)],
    [{ from, to }, ...toScore.map((point) => ({ from: point.from, to: point.to, scopeIds: [unit.id] }))],
    calendar,
    signal,
    scope,
  )
  const inputs = periodInputs!
  const report = indexReportOf(unit, period, set, inputs.get(unit.id)!)
  const scored = childUnits.map((child): Omit<IndexChild, 'rank'> => {
    const score = scoreUnit(set, inputs.get(child.id)!)
    return { unit_code: child.code, unit_name: child.name, kind: child.kind, total: score.total.points, max_total: score.total.scorable_points, band: score.total.band }
  })
  const children = rankByValue(scored, (child) => child.total, (a, b) => collator.compare(a.unit_name, b.unit_name) || a.unit_code.localeCompare(b.unit_code)).map(
    // Every child has a total (a number), so every child has a rank.
    ({ item, rank }): IndexChild => ({ ...item, rank: rank ?? scored.length }),
  )

  const trend = trendPeriods.map((point): IndexTrendPoint => {
    const at = toScore.indexOf(point)
    const score = at === -1 ? report.score : scoreUnit(set, trendInputs[at]!.get(unit.id)!)
    return { period: point.label, from: point.from, to: point.to, total: score.total.points, max_total: score.total.scorable_points }
  })
  return { report, children, trend }
}
