import type { IndicatorId } from '../indicators/indicator-id.js'
import type { LocalDate } from '../time/local-date.js'
import { fillPlaceholders } from './fill-placeholders.js'
import type { Index766Wording } from './index766-section.js'
import type { ListDecimals } from './praise-criticism.js'
import type { SignerPosition } from './signature-authority.js'
import type { TrendWords } from './trend-sentence.js'

/**
 * The editable parts of letters and reports: thresholds, wording, recipients, signer. They live
 * in JSON files (templates/…), not in code; these are their shapes once read and checked.
 * Texts hold `{placeholders}` that the figures fill.
 */

/** A piece of text, kept only when every placeholder in `when` is non-empty and every one in `unless` is empty. */
export type TemplatePart = string | { text: string; when?: string[]; unless?: string[] }
/** A paragraph: one piece, or pieces joined into one paragraph. */
export type TemplateParagraph = TemplatePart | { parts: TemplatePart[]; when?: string[]; unless?: string[] }

export interface HeaderTemplate {
  /** The authority above the issuer when an office issues ("UBND {UNIT_NAME}"); may be abbreviated. */
  parent?: string | undefined
  /** Upper-case lines of the issuing authority: ["ỦY BAN NHÂN DÂN", "{UNIT_NAME}"]. */
  issuer: string[]
  /** The document's number; empty in a draft (the office numbers it when it is signed). */
  number: string
  /** The symbol after the number: "UBND-VP", "BC-UBND". */
  symbol: string
  /** The place of the date line: "{place}" is the unit's name without "Huyện". */
  place: string
}

export interface SignerTemplate {
  /** "CHỦ TỊCH", or "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" and "PHÓ CHỦ TỊCH" (from `position` when given). */
  authority: string[]
  /** Empty: the unit's signer of `position` (`signers set`), else left for the office to write. */
  name: string
  /** Who signs; the authority lines follow from it (signature-authority.ts). */
  position?: SignerPosition | undefined
  /** "ỦY BAN NHÂN DÂN": signed for the collective ("TM. …"). */
  on_behalf_of?: string | null | undefined
}

export interface LetterTemplate {
  kind: 'letter'
  description?: string | undefined
  /** The rate the letter is about. */
  indicator: IndicatorId
  /** What the letter is about, for the documents it cites and the letters recorded after it: "digitization". */
  topic?: string | undefined
  /** Praise at or above, criticise at or below (percent, compared with the published two-decimal figure). */
  thresholds: { praise_at_least: number; criticize_at_most: number }
  /** The trend: this many whole months before the period's month, then the period itself. */
  trend: { previous_months: number }
  /** Tasks' deadline: this many working days after the letter's date ("trước ngày 20/9/2022"). */
  deadline: { working_days_after_letter: number }
  /** Where "has ever e-certified" starts counting (ecert_units_to_date); absent: the earliest data. */
  ecert_since?: LocalDate | undefined
  /** Decimals of the figures in the praise and criticism lists (at most; seed 000 one, seed 002 two); absent: one each. */
  list_decimals?: ListDecimals | undefined
  header: HeaderTemplate
  /** "V/v …" lines. */
  subject: string[]
  recipients: string[]
  body: TemplateParagraph[]
  closing: string
  copies_to: string[]
  signer: SignerTemplate
  trend_words: TrendWords
  /** How a count moved since the previous period: "đã tăng lên", "đã giảm", "không thay đổi". */
  change_words: { increased: string; decreased: string; unchanged: string }
}

export interface ReportTemplate {
  kind: 'weekly' | 'monthly'
  description?: string | undefined
  header: HeaderTemplate
  /** "BÁO CÁO" and the lines under it: "Kết quả … {period_full}". */
  title: { name: string; lines: string[] }
  recipients: string[]
  /** Paragraphs before the first section. */
  intro: TemplateParagraph[]
  headings: { figures: string; trend: string; targets: string; late: string; ecert: string }
  /** How many weeks (weekly) or months (monthly) the trend table shows, the period's own included. */
  trend: { periods: number; indicator: IndicatorId }
  /** Where "has ever e-certified" starts counting (ecert_units_to_date); absent: the earliest data. */
  ecert_since?: LocalDate | undefined
  /** The tasks' completion section (after the e-certified copies): its heading and paragraphs, `{tasks_completion}`…; absent, none. */
  tasks?: { heading: string; paragraphs: TemplateParagraph[] } | undefined
  /** The Decision 766 index section (after the tasks); absent or `show: false`, none. */
  index766?: Index766Wording | undefined
  closing: TemplateParagraph[]
  copies_to: string[]
  signer: SignerTemplate
  trend_words: TrendWords
}

function present(values: Readonly<Record<string, string>>, names: readonly string[] | undefined, where: string): boolean[] {
  return (names ?? []).map((name) => {
    if (!Object.hasOwn(values, name)) fillPlaceholders(`{${name}}`, values, where) // throws: unknown name
    return values[name]!.trim() !== ''
  })
}

function kept(part: { when?: string[] | undefined; unless?: string[] | undefined }, values: Readonly<Record<string, string>>, where: string): boolean {
  return present(values, part.when, where).every(Boolean) && !present(values, part.unless, where).some(Boolean)
}

function partText(part: TemplatePart, values: Readonly<Record<string, string>>, where: string): string {
  if (typeof part === 'string') return fillPlaceholders(part, values, where)
  return kept(part, values, where) ? fillPlaceholders(part.text, values, where) : ''
}

/** The paragraphs a template keeps for these figures, filled; empty ones are dropped. */
export function fillParagraphs(paragraphs: readonly TemplateParagraph[], values: Readonly<Record<string, string>>, where: string): string[] {
  return paragraphs
    .map((paragraph, index) => {
      const at = `${where}[${index}]`
      if (typeof paragraph === 'object' && 'parts' in paragraph) {
        return kept(paragraph, values, at) ? paragraph.parts.map((p) => partText(p, values, at)).join('') : ''
      }
      return partText(paragraph, values, at)
    })
    .filter((text) => text.trim() !== '')
}
