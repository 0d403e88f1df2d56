import { criticismOrder, nameOrder, praiseOrder } from './list-order.js'

/** A unit as the praise and criticism lists judge it. */
export interface JudgedUnit {
  /** The name as the lists write it ("An Thanh"): it orders equal figures and the lists without figures. */
  name: string
  /** The published two-decimal figure of the list's indicator; null when there is nothing to measure. */
  value: number | null
  /** Percentage points since the previous period; null when either period has no value. */
  change: number | null
  /**
   * Whether it has ever issued an e-certified copy, from the start date up to the period's end
   * (INDICATORS.md ecert_units_to_date) — not "in the period". Null for a unit that does not
   * certify copies (anything but a commune), which is never listed as not having started.
   */
  ecertStarted: boolean | null
}

export interface PraiseCriticismThresholds {
  /** Praised at or above ("đạt cao"); absent: nobody is praised. */
  praiseAtLeast?: number | undefined
  /** Criticised at or below ("đạt thấp"); absent: nobody is criticised for the figure. */
  criticiseAtMost?: number | undefined
}

export interface PraiseAndCriticism<T extends JudgedUnit> {
  /** At or above the praise threshold, in `praiseOrder`. */
  praised: T[]
  /** At or below the criticism threshold and not praised, in `criticismOrder`. */
  low: T[]
  /**
   * Never started e-certifying copies up to the period's end, alphabetical. A praised unit is
   * here too: the letter's e-certification sentence names it, its criticism never does.
   */
  ecertNotStarted: T[]
  /** Who is criticised and told to self-criticise: the low ones, then the non-starters not praised and not already low. */
  criticised: T[]
}

/**
 * The one rule of the letters, the dashboard's lists and the reports: praise and criticism
 * never overlap. The criticised are those at or below the low threshold of the main indicator
 * plus those that have never e-certified a copy; a praised unit is never among them, even when
 * the thresholds cross or it has not started e-certification.
 */
export function praiseAndCriticism<T extends JudgedUnit>(units: readonly T[], thresholds: PraiseCriticismThresholds): PraiseAndCriticism<T> {
  const valued = units.filter((u): u is T & { value: number } => u.value !== null)
  const { praiseAtLeast, criticiseAtMost } = thresholds
  const praised = praiseAtLeast === undefined ? [] : valued.filter((u) => u.value >= praiseAtLeast).sort(praiseOrder)
  const isPraised = new Set<T>(praised)
  const low = criticiseAtMost === undefined ? [] : valued.filter((u) => u.value <= criticiseAtMost && !isPraised.has(u)).sort(criticismOrder)
  const isLow = new Set<T>(low)
  const ecertNotStarted = units.filter((u) => u.ecertStarted === false).sort(nameOrder)
  return {
    praised,
    low,
    ecertNotStarted,
    criticised: [...low, ...ecertNotStarted.filter((u) => !isPraised.has(u) && !isLow.has(u))],
  }
}
