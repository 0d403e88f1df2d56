import { criticismOrder, praiseOrder } from '../indicators/list-order.js'
import { letterPercent } from './letter-percent.js'
import { joinVietnamese } from './vietnamese-list.js'

/** A unit as a letter's lists see it: its name in the list, its fraction, its figure and its change. */
export interface LetterUnit {
  /** As the letter names it: "An Thanh" (see shortUnitName). */
  name: string
  numerator: number
  denominator: number
  /** The published two-decimal rate; null when there is nothing to measure. */
  value: number | null
  /** Percentage points since the previous period; null when either period has no value. */
  change: number | null
}

/** Units listed together under one figure: "An Thanh, Quang Trung và Quang Khải (100%)". */
export interface ListGroup {
  names: string[]
  /** As the letter writes it, one decimal at most: "97,2%". */
  figure: string
}

const collator = new Intl.Collator('vi')

function grouped(units: readonly (LetterUnit & { value: number })[]): ListGroup[] {
  const groups: ListGroup[] = []
  for (const unit of units) {
    const figure = letterPercent(unit.numerator, unit.denominator)!
    const last = groups[groups.length - 1]
    if (last && last.figure === figure) last.names.push(unit.name)
    else groups.push({ names: [unit.name], figure })
  }
  return groups
}

const valued = (units: readonly LetterUnit[]) => units.filter((u): u is LetterUnit & { value: number } => u.value !== null)

/** The units praised ("đạt cao"): at or above the threshold, in the order of `praiseOrder`. */
export function praiseGroups(units: readonly LetterUnit[], atLeast: number): ListGroup[] {
  const listed = valued(units)
    .filter((u) => u.value >= atLeast)
    .sort(praiseOrder)
  return grouped(listed)
}

/** The units criticised ("đạt thấp"): at or below the threshold, in the order of `criticismOrder`. */
export function criticismGroups(units: readonly LetterUnit[], atMost: number): ListGroup[] {
  const listed = valued(units)
    .filter((u) => u.value <= atMost)
    .sort(criticismOrder)
  return grouped(listed)
}

/** "An Thanh, Quang Trung và Quang Khải (100%), Dân Chủ (97,2%), Phượng Kỳ (95,8%)". */
export function groupsText(groups: readonly ListGroup[]): string {
  return groups.map((g) => `${joinVietnamese(g.names)} (${g.figure})`).join(', ')
}

/** The names of the groups in order, for the sentences that name units without figures. */
export function groupNames(groups: readonly ListGroup[]): string[] {
  return groups.flatMap((g) => g.names)
}

/** Names in the letters' order for a plain list (no figure to rank by): Vietnamese alphabetical. */
export function alphabetical(names: readonly string[]): string[] {
  return [...names].sort(collator.compare)
}
