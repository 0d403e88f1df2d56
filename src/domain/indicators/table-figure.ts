import type { TargetCheck } from './target.js'

/** One figure of an indicator table as leaders read it: the value beside the period before, its target and its rank. */
export interface TableFigure {
  numerator?: number
  denominator?: number
  value: number | null
  /** The same figure over the period of the same length just before. */
  previous: number | null
  /** value − previous (percentage points for rates); null when either is missing. */
  change: number | null
  target: TargetCheck | null
  /** Among the child units of the table (child rows only). */
  rank: number | null
}
