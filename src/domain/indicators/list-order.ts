/** What orders a unit in a praise or criticism list. */
export interface ListOrderKey {
  value: number
  /** Percentage points since the previous period; null when either period has no value. */
  change: number | null
  /** The name as the list writes it ("An Thanh", not "Xã An Thanh"). */
  name: string
}

const collator = new Intl.Collator('vi')

/** Null changes go after every known change, whichever way the list is sorted. */
function byChange(a: number | null, b: number | null, direction: 1 | -1): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1
  return direction * (a - b)
}

/**
 * Praise ("đạt cao"): best first; among equal figures the unit that rose most since the previous
 * period, then the name. Seed 000 names "An Thanh, Quang Trung và Quang Khải (100%)": in August
 * (seed 001) Quang Khải had 93 %, Quang Trung 83 % and An Thanh just over 50 %, so this rule
 * writes them in the letter's order. One rule for the letters and the dashboard's lists.
 */
export function praiseOrder(a: ListOrderKey, b: ListOrderKey): number {
  return b.value - a.value || byChange(a.change, b.change, -1) || collator.compare(a.name, b.name)
}

/** Criticism ("đạt thấp"): worst first; among equal figures the unit that fell most, then the name. */
export function criticismOrder(a: ListOrderKey, b: ListOrderKey): number {
  return a.value - b.value || byChange(a.change, b.change, 1) || collator.compare(a.name, b.name)
}

/** Lists with no figure to rank by (nothing done, nothing to measure): Vietnamese alphabetical. */
export function nameOrder(a: { name: string }, b: { name: string }): number {
  return collator.compare(a.name, b.name)
}
