import { formatPercent } from '../format/vietnamese-numbers.js'
import { fillPlaceholders } from './fill-placeholders.js'
import { joinVietnamese } from './vietnamese-list.js'

/** One period of a trend: its label ("tháng 7") and its two-decimal rate (null: nothing to measure). */
export interface TrendPoint {
  label: string
  value: number | null
}

/**
 * The words of a trend, from a template. `{a}` and `{b}` are figures with their period,
 * "3,95% (tháng 7)"; `{periods}` the labels of periods with nothing to measure.
 */
export interface TrendWords {
  /** The first step up: "đã tăng từ {a} lên {b}". */
  rose: string
  /** The first step down: "đã giảm từ {a} xuống {b}". */
  fell: string
  /** Further steps: "lên {b}", "xuống {b}" (after a comma). */
  then_rose: string
  then_fell: string
  /** The last of three or more: "và đạt {b}", "nhưng giảm còn {b}". */
  last_rose: string
  last_fell: string
  /** A single period: "đạt {a}". */
  only: string
  /** The same figure over every period: "giữ nguyên ở mức {a}". */
  kept: string
  /** Nothing to measure in any period: "chưa phát sinh hồ sơ ({periods})". */
  none: string
}

interface Step {
  labels: string[]
  value: number
}

function figure(step: Step): string {
  return `${formatPercent(step.value)} (${joinVietnamese(step.labels)})`
}

/**
 * The trend of a rate across periods as a letter states it (seed 000): "đã tăng từ 3,95%
 * (tháng 7) lên 35,44% (tháng 8) và đạt 58,59% (từ ngày 05/9-09/9/2022)".
 *
 * Periods with nothing to measure are left out (no value is not 0 %); periods in a row with
 * the same figure are said once ("50% (tháng 7 và tháng 8)"); every figure is the rounded
 * two-decimal rate the rest of motcua shows.
 */
export function trendPhrase(points: readonly TrendPoint[], words: TrendWords): string {
  const steps: Step[] = []
  for (const point of points) {
    if (point.value === null) continue
    const last = steps[steps.length - 1]
    if (last && last.value === point.value) last.labels.push(point.label)
    else steps.push({ labels: [point.label], value: point.value })
  }
  const fill = (text: string, a: Step | null, b: Step | null) =>
    fillPlaceholders(text, { a: a ? figure(a) : '', b: b ? figure(b) : '', periods: joinVietnamese(points.map((p) => p.label)) }, 'trend_words')
  if (steps.length === 0) return fill(words.none, null, null)
  if (steps.length === 1) return fill(steps[0]!.labels.length > 1 ? words.kept : words.only, steps[0]!, null)
  const [first, second] = [steps[0]!, steps[1]!]
  let phrase = fill(second.value > first.value ? words.rose : words.fell, first, second)
  for (let i = 2; i < steps.length; i++) {
    const [before, step] = [steps[i - 1]!, steps[i]!]
    const up = step.value > before.value
    phrase += i === steps.length - 1 ? ` ${fill(up ? words.last_rose : words.last_fell, null, step)}` : `, ${fill(up ? words.then_rose : words.then_fell, null, step)}`
  }
  return phrase
}
