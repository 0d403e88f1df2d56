export interface ListedUnit {
  unitCode: string
  unitName: string
  value: number | null
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

const collator = new Intl.Collator('vi')

/** The lists leaders write into letters: praised and criticised units with their figures. */
export function thresholdLists(units: readonly ListedUnit[], thresholds: { above?: number; below?: number }): ThresholdLists {
  const byName = (a: ListedUnit, b: ListedUnit) => collator.compare(a.unitName, b.unitName)
  const valued = units.filter((u): u is ListedUnit & { value: number } => u.value !== null)
  return {
    above: thresholds.above === undefined ? [] : valued.filter((u) => u.value >= thresholds.above!).sort((a, b) => b.value - a.value || byName(a, b)),
    below: thresholds.below === undefined ? [] : valued.filter((u) => u.value <= thresholds.below!).sort((a, b) => a.value - b.value || byName(a, b)),
    zero: valued.filter((u) => u.value === 0).sort(byName),
    noValue: units.filter((u) => u.value === null).sort(byName),
  }
}
