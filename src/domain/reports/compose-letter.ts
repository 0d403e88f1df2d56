import { formatCount, formatPercent } from '../format/vietnamese-numbers.js'
import type { LocalDate } from '../time/local-date.js'
import { citationValues, type LetterCitations } from './cited-documents.js'
import { fillParagraphs, type LetterTemplate } from './document-template.js'
import { fillPlaceholders } from './fill-placeholders.js'
import { decreeDate, letterDate, periodLabel } from './letter-dates.js'
import { numberLine, type OfficialDocument } from './official-document.js'
import { alphabetical, groupNames, groupsText, letterLists, type LetterUnit } from './praise-criticism.js'
import { nameInSentence, placeName, shortUnitName } from './short-unit-name.js'
import { tasksCompletionValues, type TaskOutcome } from './tasks-completion.js'
import { trendPhrase, type TrendPoint } from './trend-sentence.js'
import { joinVietnamese } from './vietnamese-list.js'

/** What a directive letter is written from: the issuing unit's figures and its units'. */
export interface LetterFacts {
  /** The issuing unit: "Huyện Tứ Kỳ". */
  unitName: string
  letterDate: LocalDate
  period: { from: LocalDate; to: LocalDate }
  /** The unit's rate over the earlier periods and the period itself, labelled. */
  trend: TrendPoint[]
  /** The units below it (full names), with the template's indicator and whether each has ever e-certified a copy. */
  units: LetterUnit[]
  /**
   * E-certified copies: how many in the period and the period before; the communes that have
   * ever e-certified up to the period's end (cumulative, as "chưa thực hiện" means) and those
   * that did in the period; of how many communes.
   */
  ecert: { copies: number; previousCopies: number | null; unitsDoing: number; unitsDoingInPeriod: number; unitsOf: number }
  /** The tasks' deadline, already counted in working days. */
  deadline: LocalDate
  /** The plans, decisions and earlier letters the letter cites (`{basis_documents}`, `{previous_letter}`). */
  citations?: LetterCitations | undefined
  /** The task occurrences due in the period owed by the unit's subtree, judged on the letter's date. */
  tasks: readonly TaskOutcome[]
}

const two = (n: number) => String(n).padStart(2, '0')

/** Every placeholder a letter template may use, filled from the figures. */
export function letterValues(template: LetterTemplate, facts: LetterFacts): Record<string, string> {
  const place = placeName(facts.unitName)
  const short = (name: string) => shortUnitName(name, [place])
  const units = facts.units.map((u) => ({ ...u, name: short(u.name) }))
  const thresholds = { praiseAtLeast: template.thresholds.praise_at_least, criticiseAtMost: template.thresholds.criticize_at_most }
  const { praise, criticism, noEcert, criticised } = letterLists(units, thresholds, template.list_decimals)
  const previous = facts.ecert.previousCopies
  const words = template.change_words
  const current = facts.trend[facts.trend.length - 1]
  return {
    UNIT_NAME: facts.unitName.toLocaleUpperCase('vi'),
    unit_name: facts.unitName,
    unit_in_sentence: nameInSentence(facts.unitName),
    place,
    year: facts.period.to.slice(0, 4),
    from: letterDate(facts.period.from),
    to: letterDate(facts.period.to),
    period: periodLabel(facts.period),
    value: formatPercent(current?.value ?? null),
    trend: trendPhrase(facts.trend, template.trend_words),
    praise_threshold: formatPercent(template.thresholds.praise_at_least),
    criticism_threshold: formatPercent(template.thresholds.criticize_at_most),
    praise_list: groupsText(praise),
    praise_names: joinVietnamese(groupNames(praise)),
    criticism_list: groupsText(criticism),
    criticism_names: joinVietnamese(groupNames(criticism)),
    no_ecert_names: joinVietnamese(noEcert),
    criticized_names: joinVietnamese(criticised),
    no_data_names: joinVietnamese(alphabetical(units.filter((u) => u.value === null).map((u) => u.name))),
    ecert_copies: formatCount(facts.ecert.copies),
    ecert_units: `${two(facts.ecert.unitsDoing)}/${two(facts.ecert.unitsOf)}`,
    ecert_units_in_period: formatCount(facts.ecert.unitsDoingInPeriod),
    ecert_change: previous === null ? '' : facts.ecert.copies > previous ? words.increased : facts.ecert.copies < previous ? words.decreased : words.unchanged,
    deadline: letterDate(facts.deadline),
    letter_date: letterDate(facts.letterDate),
    ...tasksCompletionValues(facts.tasks.map((t) => ({ ...t, unitName: short(t.unitName) }))),
  }
}

/** A directive letter (công văn) from a template and the figures, ready to lay out. */
export function composeLetter(template: LetterTemplate, facts: LetterFacts): OfficialDocument {
  const values = { ...letterValues(template, facts), ...citationValues(facts.citations) }
  const fill = (text: string, where: string) => fillPlaceholders(text, values, where)
  return {
    ...(template.header.parent ? { issuerParent: fill(template.header.parent, 'header.parent').toLocaleUpperCase('vi') } : {}),
    issuer: template.header.issuer.map((line) => fill(line, 'header.issuer').toLocaleUpperCase('vi')),
    numberLine: numberLine(fill(template.header.number, 'header.number'), fill(template.header.symbol, 'header.symbol')),
    placeDate: `${fill(template.header.place, 'header.place')}, ${decreeDate(facts.letterDate)}`,
    subject: template.subject.map((line) => fill(line, 'subject')),
    recipients: template.recipients.map((line) => fill(line, 'recipients')),
    body: fillParagraphs(template.body, values, 'body').map((text) => ({ kind: 'paragraph' as const, text })),
    closing: fill(template.closing, 'closing'),
    copiesTo: template.copies_to.map((line) => fill(line, 'copies_to')),
    signer: { authority: template.signer.authority.map((line) => fill(line, 'signer')), name: fill(template.signer.name, 'signer') },
  }
}
