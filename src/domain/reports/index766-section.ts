import { formatCount } from '../format/vietnamese-numbers.js'
import { formatPoints, type UnitScore } from '../index766/score-unit.js'
import { fillParagraphs, type TemplateParagraph } from './document-template.js'
import { fillPlaceholders } from './fill-placeholders.js'
import { letterDate } from './letter-dates.js'
import type { Block } from './official-document.js'
import { joinVietnamese } from './vietnamese-list.js'

/**
 * The section of a report on the Decision 766 index (Chỉ số phục vụ người dân, doanh nghiệp):
 * the total out of what could be scored, the band, each group, the indicators with no data
 * ("chưa có dữ liệu") and the options that add the most points. Its wording is the template's.
 */
export interface Index766Wording {
  /** false: the report has no such section. */
  show: boolean
  heading: string
  /** Paragraphs after the heading, with the report's placeholders and those of INDEX_PLACEHOLDERS. */
  summary: TemplateParagraph[]
  /** One line per group with data: {group}, {points}, {scorable_points}, {max_points}. */
  group_line: string
  /** One line per group with nothing to score: {group}, {max_points}. */
  group_no_data: string
  /** Before the options, when there is any: {count}. */
  what_if_intro: string
  /** One line per option: {indicator}, {id}, {points}, {extra}, {noun}, {current} and {reached} (numerators now and after), {denominator}. */
  what_if_line: string
  /** How many options (the ones that add the most points first). */
  what_if_options: number
  /** Instead of the summary when no formula set covers the period: {index_unscored_reason} and the report's placeholders. */
  cannot_score?: string | undefined
}

/** Said under the heading of every scored section, whatever the template: the score is motcua's estimate, not the official one. */
export const SELF_ASSESSMENT_NOTE =
  'Điểm tự đánh giá / ước tính từ dữ liệu motcua theo bộ công thức {index_formula_set} (hiệu lực {index_validity}), không phải kết quả chính thức do Văn phòng Chính phủ công bố trên Cổng Dịch vụ công quốc gia; chỉ dùng để theo dõi, không gửi thay kết quả chính thức.'

const DEFAULT_CANNOT_SCORE = 'Chưa tính được Chỉ số phục vụ người dân, doanh nghiệp {period}: {index_unscored_reason}.'

/** One way to gain points: `extra` more numerator items (the same denominator) add `points`. */
export interface Index766Option {
  id: string
  label: string
  /** "hồ sơ trực tuyến": what one more numerator item is. */
  noun: string
  numerator: number
  denominator: number
  extra: number
  points: number
}

/** The unit's score for the report's period, and where the points are (best first). */
export interface Index766Facts {
  /** Null when no formula set covers the whole period: then `unscoredReason` says why. */
  score: UnitScore | null
  unscoredReason: string | null
  /** False when the period lies outside the formula set's validity: scored anyway, and said. */
  formulaSetApplies: boolean
  options: Index766Option[]
}

/** What the section's summary may say, besides the report's own placeholders. */
export function index766Values(facts: Index766Facts & { score: UnitScore }): Record<string, string> {
  const { total, formula_set: set } = facts.score
  const labels = new Map(facts.score.indicators.map((i) => [i.id, i.label]))
  return {
    index_points: formatPoints(total.points),
    index_scorable_points: formatPoints(total.scorable_points),
    index_max_points: formatPoints(total.max_points),
    index_score_100: total.score_100 === null ? '' : formatPoints(total.score_100),
    index_band: total.band ?? '',
    index_formula_set: set.name,
    index_validity: `từ ngày ${letterDate(set.valid_from)}${set.valid_to ? ` đến ngày ${letterDate(set.valid_to)}` : ''}`,
    // Empty when the set applies, so a template keeps its warning with "when".
    index_outside_validity: facts.formulaSetApplies ? '' : 'kỳ báo cáo nằm ngoài thời gian hiệu lực của bộ công thức',
    index_missing: joinVietnamese(total.missing.map((id) => `${labels.get(id) ?? id} (${id})`)),
    index_missing_count: total.missing.length === 0 ? '' : formatCount(total.missing.length),
  }
}

/** The section's blocks: heading, summary, a line per group, then the best options. */
export function index766Section(wording: Index766Wording, facts: Index766Facts, reportValues: Readonly<Record<string, string>>): Block[] {
  const where = 'index766'
  const paragraph = (text: string): Block => ({ kind: 'paragraph', text })
  const heading: Block = { kind: 'heading', text: fillPlaceholders(wording.heading, reportValues, `${where}.heading`) }
  if (facts.score === null) {
    const values = { ...reportValues, index_unscored_reason: facts.unscoredReason ?? '' }
    return [heading, paragraph(fillPlaceholders(wording.cannot_score ?? DEFAULT_CANNOT_SCORE, values, `${where}.cannot_score`))]
  }
  const scored = { ...facts, score: facts.score }
  const values = { ...reportValues, ...index766Values(scored) }
  const blocks: Block[] = [heading, paragraph(fillPlaceholders(SELF_ASSESSMENT_NOTE, values, `${where}.note`))]
  blocks.push(...fillParagraphs(wording.summary, values, `${where}.summary`).map(paragraph))
  for (const group of scored.score.groups) {
    const groupValues = { group: group.label, points: formatPoints(group.points), scorable_points: formatPoints(group.scorable_points), max_points: formatPoints(group.max_points) }
    blocks.push(paragraph(group.scorable_points > 0 ? fillPlaceholders(wording.group_line, groupValues, `${where}.group_line`) : fillPlaceholders(wording.group_no_data, groupValues, `${where}.group_no_data`)))
  }
  const options = facts.options.slice(0, wording.what_if_options)
  if (options.length > 0) {
    blocks.push(paragraph(fillPlaceholders(wording.what_if_intro, { count: formatCount(options.length) }, `${where}.what_if_intro`)))
    for (const option of options) {
      const optionValues = {
        indicator: option.label,
        id: option.id,
        points: formatPoints(option.points),
        extra: formatCount(option.extra),
        noun: option.noun,
        current: formatCount(option.numerator),
        reached: formatCount(option.numerator + option.extra),
        denominator: formatCount(option.denominator),
      }
      blocks.push(paragraph(fillPlaceholders(wording.what_if_line, optionValues, `${where}.what_if_line`)))
    }
  }
  return blocks
}
