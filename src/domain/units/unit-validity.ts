import { formatVietnameseDate, type LocalDate } from '../time/local-date.js'

/** A unit's days of existence: from its first day to its last, both included; null is open. */
export interface UnitValidity {
  validFrom: LocalDate | null
  validTo: LocalDate | null
}

/** Whether the unit exists on that Vietnam day. */
export function isValidOn(unit: UnitValidity, day: LocalDate): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || day <= unit.validTo)
}

/**
 * Which units a period's figures are listed by: `period` (the default) the tree of the period's
 * last day — 2022 by 2022's communes —, `current` ("theo đơn vị hiện nay") today's tree. A unit's
 * figures are the same either way (history always rolls into its successors); only the units
 * listed, ranked and reported on change.
 */
export type TreeBasis = 'period' | 'current'
export const TREE_BASES: readonly TreeBasis[] = ['period', 'current']

/** The day the tree is drawn on for a period: its last day, or today for today's units. */
export function treeDayOf(period: { to: LocalDate }, basis: TreeBasis, today: LocalDate): LocalDate {
  return basis === 'current' ? today : period.to
}

export interface ReceivingUnit extends UnitValidity {
  code: string
  name: string
  /** The unit that took it over, when it has one. */
  successor: { code: string; name: string } | null
}

/**
 * Why a unit may not receive a dossier on that day, in Vietnamese (null: it may). A dissolved
 * unit names its successor, so the officer or the file knows where the dossier belongs now.
 */
export function receptionRefusal(unit: ReceivingUnit, day: LocalDate): string | null {
  if (unit.validTo !== null && day > unit.validTo) {
    const ended = `đơn vị ${unit.code} (${unit.name}) đã chấm dứt hoạt động từ sau ngày ${formatVietnameseDate(unit.validTo)}`
    return unit.successor
      ? `${ended}; hồ sơ nhận từ ngày đó phải do đơn vị kế thừa ${unit.successor.code} (${unit.successor.name}) tiếp nhận`
      : `${ended} và không có đơn vị kế thừa`
  }
  if (unit.validFrom !== null && day < unit.validFrom) return `đơn vị ${unit.code} (${unit.name}) chỉ hoạt động từ ngày ${formatVietnameseDate(unit.validFrom)}`
  return null
}


/**
 * The first successor link that leads back to where it started, as the code it starts from, or
 * null: a unit cannot (even through others) succeed itself.
 */
export function successorCycle(successorOf: ReadonlyMap<string, string | null>): string | null {
  for (const start of successorOf.keys()) {
    const seen = new Set<string>([start])
    for (let next = successorOf.get(start) ?? null; next !== null; next = successorOf.get(next) ?? null) {
      if (seen.has(next)) return start
      seen.add(next)
    }
  }
  return null
}

/**
 * Why a unit can have no target for that year (null: it can): a target is for a year the unit
 * exists at least one day of — not for a commune dissolved before it, nor formed after it.
 */
export function targetYearRefusal(unit: ReceivingUnit, year: number): string | null {
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  if (unit.validTo !== null && unit.validTo < first) {
    return `đơn vị ${unit.code} đã chấm dứt hoạt động từ sau ngày ${formatVietnameseDate(unit.validTo)}${unit.successor ? `; giao chỉ tiêu năm ${year} cho đơn vị kế thừa ${unit.successor.code} (${unit.successor.name})` : ''}`
  }
  if (unit.validFrom !== null && unit.validFrom > last) return `đơn vị ${unit.code} chỉ hoạt động từ ngày ${formatVietnameseDate(unit.validFrom)}`
  return null
}
