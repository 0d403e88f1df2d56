import { formatPercent } from '../format/vietnamese-numbers.js'
import type { Timeliness } from './task-state.js'

/**
 * The completion indicator of a unit over a period: of the occurrences due in it, how many were
 * delivered on time, late, or are missing; the rate is on time over those judged (not yet due
 * ones are left out), rounded half-up to two decimals as every motcua rate is. Null when
 * nothing was due.
 */
export interface Completion {
  onTime: number
  late: number
  missing: number
  pending: number
  /** on time / (on time + late + missing), in percent with two decimals, or null. */
  onTimeRate: number | null
}

export function completionOf(outcomes: readonly Timeliness[]): Completion {
  const count = (t: Timeliness) => outcomes.filter((o) => o === t).length
  const onTime = count('on_time')
  const late = count('late')
  const missing = count('missing')
  const judged = onTime + late + missing
  // Integers first, so 2/3 is 66.67 and never 66.66999.
  return { onTime, late, missing, pending: count('pending'), onTimeRate: judged === 0 ? null : Math.round((onTime * 10_000) / judged) / 100 }
}

/** The sentence a report or letter cites: "đúng hạn 3/5 (60%), trễ hạn 1, chưa nộp 1". */
export function completionSentence(c: Completion): string {
  const judged = c.onTime + c.late + c.missing
  if (judged === 0) return 'chưa có nhiệm vụ đến hạn'
  const parts = [`đúng hạn ${c.onTime}/${judged} (${formatPercent(c.onTimeRate)})`]
  if (c.late > 0) parts.push(`trễ hạn ${c.late}`)
  if (c.missing > 0) parts.push(`chưa nộp ${c.missing}`)
  return parts.join(', ')
}
