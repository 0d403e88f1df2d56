import { completionOf } from '../directives/completion.js'
import type { Timeliness } from '../directives/task-state.js'
import { formatCount, formatPercent } from '../format/vietnamese-numbers.js'
import { alphabetical } from './praise-criticism.js'
import { joinVietnamese } from './vietnamese-list.js'

/** One task occurrence due in the period, owed by a unit of the issuer's subtree, judged on the document's date. */
export interface TaskOutcome {
  /** The unit's name; the composer gives it as a list names it ("An Thanh"). */
  unitName: string
  timeliness: Timeliness
}

/** The units with at least one occurrence of this timeliness, each named once, alphabetically. */
function unitsWith(outcomes: readonly TaskOutcome[], timeliness: Timeliness): string[] {
  return alphabetical([...new Set(outcomes.filter((o) => o.timeliness === timeliness).map((o) => o.unitName))])
}

/**
 * What letters and reports say about the tasks due in a period, as a clause a template puts in
 * its sentence ("Về thực hiện nhiệm vụ được giao, {tasks_completion}."): how many, how many
 * delivered on time (and the rate of those judged), late and missing, naming the units behind.
 * A period with nothing due says so, rather than leaving a hole.
 */
export function tasksCompletionClause(outcomes: readonly TaskOutcome[]): string {
  if (outcomes.length === 0) return 'không có nhiệm vụ nào đến hạn trong kỳ'
  const c = completionOf(outcomes.map((o) => o.timeliness))
  const judged = c.onTime + c.late + c.missing
  const parts: string[] = []
  if (judged > 0) parts.push(`${formatCount(c.onTime)} hoàn thành đúng hạn (${formatPercent(c.onTimeRate)})`)
  if (c.late > 0) parts.push(`${formatCount(c.late)} nộp trễ hạn (${joinVietnamese(unitsWith(outcomes, 'late'))})`)
  if (c.missing > 0) parts.push(`${formatCount(c.missing)} chưa nộp (${joinVietnamese(unitsWith(outcomes, 'missing'))})`)
  if (c.pending > 0) parts.push(`${formatCount(c.pending)} chưa đến hạn`)
  return `có ${formatCount(outcomes.length)} nhiệm vụ đến hạn trong kỳ: ${parts.join(', ')}`
}

/**
 * The placeholders of the tasks' completion, the same in letters and reports. The counts and
 * names are empty when there is nothing to say, so a template keeps a sentence with `when`.
 */
export function tasksCompletionValues(outcomes: readonly TaskOutcome[]): Record<string, string> {
  const c = completionOf(outcomes.map((o) => o.timeliness))
  const late = unitsWith(outcomes, 'late')
  const missing = unitsWith(outcomes, 'missing')
  return {
    tasks_completion: tasksCompletionClause(outcomes),
    tasks_due: outcomes.length > 0 ? formatCount(outcomes.length) : '',
    tasks_on_time: outcomes.length > 0 ? formatCount(c.onTime) : '',
    tasks_on_time_rate: c.onTimeRate === null ? '' : formatPercent(c.onTimeRate),
    tasks_late: c.late > 0 ? formatCount(c.late) : '',
    tasks_missing: c.missing > 0 ? formatCount(c.missing) : '',
    tasks_late_names: joinVietnamese(late),
    tasks_missing_names: joinVietnamese(missing),
    tasks_behind_names: joinVietnamese(alphabetical([...new Set([...late, ...missing])])),
  }
}
