import { shortUnitName } from '../reports/short-unit-name.js'
import { criticismOrder, nameOrder, praiseOrder, type ListOrderKey } from './list-order.js'

export interface ListedUnit {
  unitCode: string
  unitName: string
  value: number | null
  /** Since the previous period, in percentage points: it orders equal figures (see list-order). */
  change?: number | null
}

export interface ThresholdLists {
  /** At or above the praise threshold, best first ("đạt cao"). */
  above: ListedUnit[]
  /** At or below the criticism threshold, worst first ("đạt thấp"). */
  below: ListedUnit[]
  /** With a value of zero ("chưa thực hiện"). */
  zero: ListedUnit[]
  /** With nothing to measure ("không phát sinh"). */
  noValue: ListedUnit[]
}

/** The lists leaders write into letters, in the letters' order: praised and criticised units with their figures. */
export function thresholdLists(units: readonly ListedUnit[], thresholds: { above?: number; below?: number }): ThresholdLists {
  const key = (u: ListedUnit & { value: number }): ListOrderKey => ({ value: u.value, change: u.change ?? null, name: shortUnitName(u.unitName) })
  const named = (u: ListedUnit) => ({ name: shortUnitName(u.unitName) })
  const valued = units.filter((u): u is ListedUnit & { value: number } => u.value !== null)
  const strip = ({ change: _change, ...u }: ListedUnit): ListedUnit => u
  return {
    above: thresholds.above === undefined ? [] : valued.filter((u) => u.value >= thresholds.above!).sort((a, b) => praiseOrder(key(a), key(b))).map(strip),
    below: thresholds.below === undefined ? [] : valued.filter((u) => u.value <= thresholds.below!).sort((a, b) => criticismOrder(key(a), key(b))).map(strip),
    zero: valued.filter((u) => u.value === 0).sort((a, b) => nameOrder(named(a), named(b))).map(strip),
    noValue: units.filter((u) => u.value === null).sort((a, b) => nameOrder(named(a), named(b))).map(strip),
  }
}
