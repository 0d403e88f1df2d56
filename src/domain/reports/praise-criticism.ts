import { praiseAndCriticism, type JudgedUnit } from '../indicators/praise-and-criticism.js'
import { letterPercent } from './letter-percent.js'
import { joinVietnamese } from './vietnamese-list.js'

/** A unit as a letter's lists see it: its name in the list, its fraction, its figure and its change. */
export interface LetterUnit extends JudgedUnit {
  numerator: number
  denominator: number
}

/** Units listed together under one figure: "An Thanh, Quang Trung và Quang Khải (100%)". */
export interface ListGroup {
  names: string[]
  /** As the letter writes it, with the list's decimals at most: "97,2%" (one), "19,44%" (two). */
  figure: string
}

const collator = new Intl.Collator('vi')

function grouped(units: readonly LetterUnit[], decimals: number): ListGroup[] {
  const groups: ListGroup[] = []
  for (const unit of units) {
    const figure = letterPercent(unit.numerator, unit.denominator, decimals)!
    const last = groups[groups.length - 1]
    if (last && last.figure === figure) last.names.push(unit.name)
    else groups.push({ names: [unit.name], figure })
  }
  return groups
}

/** How many decimals each list writes its figures with, at most (trailing zeros dropped). */
export interface ListDecimals {
  praise: number
  criticism: number
}

/** Seed 000: "Dân Chủ (97,2%)", "Nguyên Giáp (92%)" — one decimal at most. */
export const DEFAULT_LIST_DECIMALS: ListDecimals = { praise: 1, criticism: 1 }

/** A letter's lists: praised and low with their figures, the e-certification non-starters and the criticised, by name. */
export interface LetterLists {
  praise: ListGroup[]
  criticism: ListGroup[]
  /** Never e-certified a copy up to the period's end, alphabetical; praised ones too (the e-certification sentence only). */
  noEcert: string[]
  /** The low ones, then the non-starters neither praised nor low: who is criticised and told to self-criticise. */
  criticised: string[]
}

/** The lists of a letter by the one rule of praise and criticism (domain/indicators/praise-and-criticism). */
export function letterLists(
  units: readonly LetterUnit[],
  thresholds: { praiseAtLeast: number; criticiseAtMost: number },
  decimals: ListDecimals = DEFAULT_LIST_DECIMALS,
): LetterLists {
  const lists = praiseAndCriticism(units, thresholds)
  return {
    praise: grouped(lists.praised, decimals.praise),
    criticism: grouped(lists.low, decimals.criticism),
    noEcert: lists.ecertNotStarted.map((u) => u.name),
    criticised: lists.criticised.map((u) => u.name),
  }
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
