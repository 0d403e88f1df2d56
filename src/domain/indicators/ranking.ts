export interface Ranked<T> {
  item: T
  value: number | null
  /** 1 for the best; equal values share a rank (1, 2, 2, 4); null for no value. */
  rank: number | null
}

/** Ranks by value, highest first; equal values share a rank; units with no value come last, unranked. */
export function rankByValue<T>(items: readonly T[], valueOf: (item: T) => number | null, tieBreak: (a: T, b: T) => number = () => 0): Ranked<T>[] {
  const withValue = items.map((item) => ({ item, value: valueOf(item) }))
  withValue.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? tieBreak(a.item, b.item) : 1) : -1
    return b.value - a.value || tieBreak(a.item, b.item)
  })
  let previous: number | null = null
  let rank = 0
  return withValue.map((entry, index) => {
    if (entry.value === null) return { ...entry, rank: null }
    if (entry.value !== previous) rank = index + 1
    previous = entry.value
    return { ...entry, rank }
  })
}
