import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { parseIndexPeriod } from '../../domain/index766/index-period.js'
import { chooseFormulaSet } from '../../domain/index766/choose-formula-set.js'
import { DEFAULT_FORMULA_SET } from '../../domain/index766/default-formula-set.js'
import type { FormulaSet } from '../../domain/index766/formula-set.js'
import { indexTrendPeriods } from '../../domain/index766/index-trend-periods.js'
import { scoreUnit, type UnitScore } from '../../domain/index766/score-unit.js'
import { rankByValue } from '../../domain/indicators/ranking.js'
import { UnitKind } from '../../domain/units/unit-kind.js'
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { computeIndex, indexInputs, type IndexReport } from './compute-index.js'

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

async function scoreOf(db: Kysely<Database>, set: FormulaSet, calendar: WorkingCalendar, unitId: number, from: string, to: string): Promise<UnitScore> {
  return scoreUnit(set, await indexInputs(db, unitId, from, to, calendar))
}

/**
 * A unit's Decision 766 score for a period (as `computeIndex` gives it), each direct child
 * district or commune scored for the same period and ranked by total (ties share a rank, then
 * by name), and the unit's score month by month up to the period's end (quarter by quarter
 * for a year). One `indexInputs` per child and per trend period: a few queries each, never
 * one per dossier.
 */
export async function indexOverview(db: Kysely<Database>, request: { unitCode: string; period: string; formulaSet?: FormulaSet }): Promise<IndexOverview> {
  const set = request.formulaSet ?? chooseFormulaSet(parseIndexPeriod(request.period)).set ?? DEFAULT_FORMULA_SET
  const report = await computeIndex(db, { unitCode: request.unitCode, period: request.period, formulaSet: set })
  const unit = await db.selectFrom('units').select('id').where('code', '=', report.unit_code).executeTakeFirstOrThrow()
  const { from, to } = report.period
  // One calendar for every child and trend period, not one read each.
  const calendar = await loadWorkingCalendar(db)

  const childUnits = await db.selectFrom('units').select(['id', 'code', 'name', 'kind']).where('parent_id', '=', unit.id).where('kind', 'in', [...RANKED_KINDS]).execute()
  const scored: Omit<IndexChild, 'rank'>[] = []
  for (const child of childUnits) {
    const score = await scoreOf(db, set, calendar, child.id, from, to)
    scored.push({ unit_code: child.code, unit_name: child.name, kind: child.kind, total: score.total.points, max_total: score.total.scorable_points, band: score.total.band })
  }
  const children = rankByValue(scored, (child) => child.total, (a, b) => collator.compare(a.unit_name, b.unit_name) || a.unit_code.localeCompare(b.unit_code)).map(
    // Every child has a total (a number), so every child has a rank.
    ({ item, rank }): IndexChild => ({ ...item, rank: rank ?? scored.length }),
  )

  const trend: IndexTrendPoint[] = []
  for (const period of indexTrendPeriods(report.period)) {
    // A month's trend ends with the month itself: already scored.
    const score = period.from === from && period.to === to ? report.score : await scoreOf(db, set, calendar, unit.id, period.from, period.to)
    trend.push({ period: period.label, from: period.from, to: period.to, total: score.total.points, max_total: score.total.scorable_points })
  }
  return { report, children, trend }
}
