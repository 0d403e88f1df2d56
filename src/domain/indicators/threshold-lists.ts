import { shortUnitName } from '../reports/short-unit-name.js'
import { nameOrder } from './list-order.js'
import { praiseAndCriticism } from './praise-and-criticism.js'

export interface ListedUnit {
  unitCode: string
  unitName: string
  value: number | null
  /** Since the previous period, in percentage points: it orders equal figures (see list-order). */
  change?: number | null
  /** Ever e-certified a copy up to the period's end (cumulative); null or absent: not a commune. */
  ecertStarted?: boolean | null
}

/** A unit in an answer: the ordering facts stay out. */
export type ListedUnitOut = Pick<ListedUnit, 'unitCode' | 'unitName' | 'value'>

export interface ThresholdLists {
  /** At or above the praise threshold, best first ("đạt cao"). */
  above: ListedUnitOut[]
  /** At or below the criticism threshold, worst first ("đạt thấp"); never a praised unit. */
  below: ListedUnitOut[]
  /** With a value of zero ("chưa thực hiện" for this indicator in the period). */
  zero: ListedUnitOut[]
  /** With nothing to measure ("không phát sinh"). */
  noValue: ListedUnitOut[]
  /** Communes that have never e-certified a copy up to the period's end, praised ones included. */
  ecertNotStarted: ListedUnitOut[]
  /** Who a letter criticises: `below`, then the communes of `ecertNotStarted` that are neither praised nor below. */
  criticised: ListedUnitOut[]
}

/** The lists leaders write into letters, by the letters' rule (praise-and-criticism) and in their order. */
export function thresholdLists(units: readonly ListedUnit[], thresholds: { above?: number; below?: number }): ThresholdLists {
  const judged = units.map((u) => ({ unit: u, name: shortUnitName(u.unitName), value: u.value, change: u.change ?? null, ecertStarted: u.ecertStarted ?? null }))
  const lists = praiseAndCriticism(judged, { praiseAtLeast: thresholds.above, criticiseAtMost: thresholds.below })
  const out = (entries: readonly (typeof judged)[number][]): ListedUnitOut[] => entries.map(({ unit }) => ({ unitCode: unit.unitCode, unitName: unit.unitName, value: unit.value }))
  return {
    above: out(lists.praised),
    below: out(lists.low),
    zero: out(judged.filter((u) => u.value === 0).sort(nameOrder)),
    noValue: out(judged.filter((u) => u.value === null).sort(nameOrder)),
    ecertNotStarted: out(lists.ecertNotStarted),
    criticised: out(lists.criticised),
  }
}
