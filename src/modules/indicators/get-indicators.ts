import type { Kysely } from 'kysely'
import type { Database, UnitRow } from '../../db/schema.js'
import { computeIndicators, type IndicatorValues } from '../../domain/indicators/compute-indicators.js'
import { checkPeriod, type CheckedPeriod } from '../../domain/indicators/period.js'
import type { LocalDate } from '../../domain/time/local-date.js'
import type { IndicatorScope, ScopeKind } from './indicator-scope.js'
import { totalsForScopes, type Attribution, type ScopeTotals } from './rollup.repository.js'
import { childrenAsOf, getUnitByCode } from '../units/units.repository.js'
import { treeDayOf, type TreeBasis } from '../../domain/units/unit-validity.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'

export interface IndicatorRow {
  unit_code: string
  unit_name: string
  unit_kind: string
  scope: ScopeKind
  indicators: IndicatorValues
}

/** The JSON shape of INTERCHANGE.md's `indicators --json`. */
export interface IndicatorReport {
  from: string
  to: string
  rows: IndicatorRow[]
}

export interface IndicatorRequest {
  unitCode: string
  from: string | undefined
  to: string | undefined
  /** Also the unit's own dossiers alone and each direct child's subtree. */
  children: boolean
  /** Where ecert_units_to_date starts counting; none: the earliest data. */
  ecertSince?: LocalDate | undefined
  /** Which tree lists the children: the period's (default) or today's ("theo đơn vị hiện nay"). */
  tree?: TreeBasis | undefined
  /** The day the children's tree is drawn on, when the caller fixed it (a table and its previous period). */
  treeDay?: LocalDate | undefined
  /** Processing and lateness at the receiving unit (default) or at the deciding one. */
  attribution?: Attribution | undefined
}

/** The day the request's children are drawn on. */
export function treeDayOfRequest(request: Pick<IndicatorRequest, 'tree' | 'treeDay'>, period: { to: LocalDate }): LocalDate {
  return request.treeDay ?? treeDayOf(period, request.tree ?? 'period', toVietnamDate(new Date()))
}

const collator = new Intl.Collator('vi')

/** The rows a report has: the unit's subtree, and with children its own row and each child's subtree. */
export interface ReportTarget {
  unit: UnitRow
  scope: ScopeKind
}

/** The unit and, with children, the units under it on the tree's day, in the order the report lists them. */
export async function reportTargets(db: Kysely<Database>, request: Pick<IndicatorRequest, 'unitCode' | 'children'>, treeDay: LocalDate): Promise<ReportTarget[]> {
  const unit = await getUnitByCode(db, request.unitCode)
  const targets: ReportTarget[] = [{ unit, scope: 'subtree' }]
  if (request.children) {
    targets.push({ unit, scope: 'own' })
    // The units existing on the tree's day: 2022 lists 2022's communes, 2026 no dissolved one.
    const children = await childrenAsOf(db, unit.id, treeDay)
    children.sort((a, b) => collator.compare(a.code, b.code))
    for (const child of children) targets.push({ unit: child, scope: 'subtree' })
  }
  return targets
}

/** The indicators of the targets over a period (a table asks its period and the one before for the same targets). */
export async function reportOfTargets(db: Kysely<Database>, targets: readonly ReportTarget[], period: CheckedPeriod, request: Omit<IndicatorRequest, 'unitCode' | 'children' | 'from' | 'to'>): Promise<IndicatorReport> {
  const scopes: IndicatorScope[] = targets.map((t, i) => ({ key: String(i), unitId: t.unit.id, scope: t.scope }))
  const totals = await totalsForScopes(db, scopes, period, { ecertSince: request.ecertSince, treeDay: treeDayOfRequest(request, period), attribution: request.attribution })
  return {
    from: period.from,
    to: period.to,
    rows: targets.map((t, i) => {
      const scoped = totals.get(String(i))!
      return {
        unit_code: t.unit.code,
        unit_name: t.unit.name,
        unit_kind: t.unit.kind,
        scope: t.scope,
        indicators: indicatorsOfScope(t.scope, scoped),
      }
    }),
  }
}

/** A scope's indicators from its sums: the communes with e-certified copies only for a subtree. The table's rows and the series' points alike. */
export function indicatorsOfScope(scope: ScopeKind, scoped: ScopeTotals): IndicatorValues {
  return scope === 'subtree' ? computeIndicators(scoped.totals, scoped.ecertUnits, scoped.ecertUnitsToDate) : computeIndicators(scoped.totals)
}

/** Indicators for a unit's subtree (and with children, its own row and each child's subtree). */
export async function getIndicators(db: Kysely<Database>, request: IndicatorRequest): Promise<IndicatorReport> {
  const period: CheckedPeriod = checkPeriod(request.from, request.to)
  const targets = await reportTargets(db, request, treeDayOfRequest(request, period))
  return reportOfTargets(db, targets, period, request)
}
