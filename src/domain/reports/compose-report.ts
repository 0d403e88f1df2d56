import { formatCount, formatPercent, NO_VALUE_LABEL } from '../format/vietnamese-numbers.js'
import { ecertStarted } from '../indicators/ecert-started.js'
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../indicators/indicator-id.js'
import { praiseAndCriticism } from '../indicators/praise-and-criticism.js'
import { percentage } from '../indicators/percentage.js'
import type { TableFigure } from '../indicators/table-figure.js'
import type { LocalDate } from '../time/local-date.js'
import { fillParagraphs, type ReportTemplate } from './document-template.js'
import { fillPlaceholders } from './fill-placeholders.js'
import { SHORT_LABELS, scopeLabels } from './indicator-groups.js'
import { decreeDate, letterDate, periodLabel } from './letter-dates.js'
import { index766Section, type Index766Facts } from './index766-section.js'
import { numberLine, type Block, type OfficialDocument } from './official-document.js'
import { nameInSentence, placeName, shortUnitName } from './short-unit-name.js'
import { tasksCompletionValues, type TaskOutcome } from './tasks-completion.js'
import { trendPhrase } from './trend-sentence.js'
import { joinVietnamese } from './vietnamese-list.js'

/** One figure of the indicator table, as the report writes it. */
export type ReportFigure = TableFigure

export interface ReportRow {
  unit_code: string
  unit_name: string
  unit_kind: string
  scope: 'own' | 'subtree'
  indicators: Partial<Record<IndicatorId, ReportFigure>>
}

export interface ReportSeriesPoint {
  label: string
  indicators: Partial<Record<IndicatorId, { numerator?: number; denominator?: number; value: number | null }>>
}

/** What a weekly summary or monthly report is written from. */
export interface ReportFacts {
  unitName: string
  unitKind: string
  /** The unit above ("Tỉnh Hải Dương"), for the recipients; null at the top. */
  parentName: string | null
  reportDate: LocalDate
  period: { from: LocalDate; to: LocalDate }
  previous: { from: LocalDate; to: LocalDate }
  /** The unit's whole subtree, its own one-stop shop, then each unit below it. */
  rows: ReportRow[]
  /** The trend: the weeks or months up to the period, oldest first. */
  series: ReportSeriesPoint[]
  /** For a monthly report: when it is due ("trước ngày 25"). */
  dueDate?: LocalDate | undefined
  /** Where the cumulative e-certification figure starts; absent: the earliest data. */
  ecertSince?: LocalDate | undefined
  /** The Decision 766 index of the unit for the period, when the template has its section. */
  index766?: Index766Facts | undefined
  /** The task occurrences due in the period owed by the unit's subtree, judged on the report's date. */
  tasks: readonly TaskOutcome[]
}

const points = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1)
/** A count of communes as the letters write it: "02/23". */
const two = (n: number) => String(n).padStart(2, '0')

const isRateId = (id: IndicatorId) => INDICATORS[id].kind === 'rate'

/** "58,59% (290/495)", "không phát sinh", "501". */
export function figureText(id: IndicatorId, figure: { numerator?: number; denominator?: number; value: number | null } | undefined): string {
  if (!figure) return ''
  if (!isRateId(id)) return formatCount(figure.value ?? 0)
  if (figure.value === null) return NO_VALUE_LABEL
  return `${formatPercent(figure.value)} (${formatCount(figure.numerator ?? 0)}/${formatCount(figure.denominator ?? 0)})`
}

/** "tăng 23,15 điểm phần trăm so với kỳ trước (35,44%)", "giảm 3 hồ sơ so với kỳ trước (12)". */
export function changeText(id: IndicatorId, figure: ReportFigure, countUnit?: string): string {
  const rate = isRateId(id)
  if (figure.previous === null) return rate ? 'kỳ trước không phát sinh' : ''
  const before = rate ? formatPercent(figure.previous) : formatCount(figure.previous)
  if (figure.change === null || figure.change === 0) return `không đổi so với kỳ trước (${before})`
  const amount = rate ? `${points.format(Math.abs(figure.change))} điểm phần trăm` : `${formatCount(Math.abs(figure.change))}${countUnit ? ` ${countUnit}` : ''}`
  return `${figure.change > 0 ? 'tăng' : 'giảm'} ${amount} so với kỳ trước (${before})`
}

/** The units below the issuing unit that are compared: administrative units, and offices that received dossiers. */
export function peerRows(rows: readonly ReportRow[]): ReportRow[] {
  return rows.slice(2).filter((row) => row.unit_kind !== 'office' || (row.indicators.received?.value ?? 0) > 0)
}

/** What a count is counted in: "501 hồ sơ", "39 bản sao", "19/23 đơn vị". */
const COUNT_UNITS: Partial<Record<IndicatorId, string>> = { received: 'hồ sơ', late: 'hồ sơ', overdue_open: 'hồ sơ', ecert_copies: 'bản sao', ecert_units: 'đơn vị', ecert_units_to_date: 'đơn vị' }

function figuresSection(facts: ReportFacts, labels: ReturnType<typeof scopeLabels>): Block[] {
  const [subtree, own] = [facts.rows[0]!, facts.rows[1]]
  const peers = peerRows(facts.rows)
  const blocks: Block[] = []
  for (const id of INDICATOR_IDS) {
    const figure = subtree.indicators[id]
    // Communes "doing" e-certification are counted to date (ecert_units_to_date), never as "0/23" for a quiet period.
    if (!figure || id === 'ecert_units') continue
    const unit = COUNT_UNITS[id] ? ` ${COUNT_UNITS[id]}` : ''
    // "02/23" as seed 001 writes the communes doing e-certification.
    const shown = INDICATORS[id].basis === 'units' ? `${two(figure.value ?? 0)}/${two(peers.filter((r) => r.unit_kind === 'commune').length)}${unit}` : `${figureText(id, figure)}${unit}`
    const change = changeText(id, figure, COUNT_UNITS[id])
    let text = `- ${INDICATORS[id].label}: ${shown}${change ? `, ${change}` : ''}`
    const ownFigure = own?.indicators[id]
    // The district's own one-stop shop and the communes together, as seed 001 writes them: ratios of the sums again.
    if (isRateId(id) && figure.value !== null && peers.length > 0 && ownFigure && figure.denominator !== undefined && ownFigure.denominator !== undefined) {
      const below = percentage((figure.numerator ?? 0) - (ownFigure.numerator ?? 0), figure.denominator - ownFigure.denominator)
      text += `; trong đó ${labels.own} ${formatPercent(ownFigure.value)}, ${labels.below} ${formatPercent(below)}`
    }
    blocks.push({ kind: 'paragraph', text: `${text}.` })
  }
  return blocks
}

function trendSection(template: ReportTemplate, facts: ReportFacts, labels: ReturnType<typeof scopeLabels>): Block[] {
  const id = template.trend.indicator
  const phrase = trendPhrase(
    facts.series.map((p) => ({ label: lowerFirst(p.label), value: p.indicators[id]?.value ?? null })),
    template.trend_words,
  )
  const columns: IndicatorId[] = ['received', 'online_rate', 'dossier_digitization_rate', 'result_digitization_rate', 'on_time_rate', 'late', 'online_payment_rate', 'ecert_copies']
  return [
    { kind: 'paragraph', text: `${INDICATORS[id].label} ${lowerFirst(labels.subtree)} ${phrase}.` },
    {
      kind: 'table',
      header: ['Kỳ', ...columns.map((c) => SHORT_LABELS[c])],
      rows: facts.series.map((p) => [p.label, ...columns.map((c) => (isRateId(c) ? formatPercent(p.indicators[c]?.value ?? null) : formatCount(p.indicators[c]?.value ?? 0)))]),
      widths: [16, ...columns.map(() => 84 / columns.length)],
    },
  ]
}

function targetsSection(facts: ReportFacts, labels: ReturnType<typeof scopeLabels>, short: (name: string) => string): Block[] {
  const blocks: Block[] = []
  const own = facts.rows[1]
  for (const id of INDICATOR_IDS.filter(isRateId)) {
    const withTarget = [...(own ? [own] : []), ...peerRows(facts.rows)].filter((row) => row.indicators[id]?.target)
    if (withTarget.length === 0) continue
    const byDecision = new Map<string, ReportRow[]>()
    for (const row of withTarget) {
      const target = row.indicators[id]!.target!
      const key = `${target.minimum}|${target.decided_by}`
      byDecision.set(key, [...(byDecision.get(key) ?? []), row])
    }
    for (const rows of byDecision.values()) {
      const target = rows[0]!.indicators[id]!.target!
      const name = (row: ReportRow) => (row.scope === 'own' ? labels.own : short(row.unit_name))
      const of = (status: string) => rows.filter((row) => row.indicators[id]!.target!.status === status)
      const met = of('meets').sort((a, b) => (b.indicators[id]!.value ?? 0) - (a.indicators[id]!.value ?? 0))
      const missed = of('misses').sort((a, b) => (a.indicators[id]!.value ?? 0) - (b.indicators[id]!.value ?? 0))
      const none = of('no_value')
      blocks.push({ kind: 'paragraph', text: `- ${INDICATORS[id].label} (chỉ tiêu tối thiểu ${formatPercent(target.minimum)}, ${target.decided_by}):` })
      blocks.push({
        kind: 'paragraph',
        text: `+ Đạt chỉ tiêu (${met.length}/${rows.length}): ${met.length === 0 ? 'không có đơn vị nào' : met.map((r) => `${name(r)} (${formatPercent(r.indicators[id]!.value)})`).join(', ')}.`,
      })
      blocks.push({
        kind: 'paragraph',
        text: `+ Chưa đạt chỉ tiêu (${missed.length}/${rows.length}): ${missed.length === 0 ? 'không có đơn vị nào' : missed.map((r) => `${name(r)} (${formatPercent(r.indicators[id]!.value)}, còn thiếu ${formatCount(r.indicators[id]!.target!.gap ?? 0)} hồ sơ)`).join(', ')}.`,
      })
      if (none.length > 0) blocks.push({ kind: 'paragraph', text: `+ Không phát sinh hồ sơ: ${joinVietnamese(none.map(name))}.` })
    }
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: `Chưa có chỉ tiêu nào được giao cho năm ${facts.period.to.slice(0, 4)}.` })
  return blocks
}

function lateSection(facts: ReportFacts, labels: ReturnType<typeof scopeLabels>, short: (name: string) => string): Block[] {
  const subtree = facts.rows[0]!.indicators
  const listed = (id: 'late' | 'overdue_open') =>
    [...facts.rows.slice(1, 2), ...peerRows(facts.rows)]
      .filter((row) => (row.indicators[id]?.value ?? 0) > 0)
      .sort((a, b) => (b.indicators[id]!.value ?? 0) - (a.indicators[id]!.value ?? 0))
      .map((row) => `${row.scope === 'own' ? labels.own : short(row.unit_name)} (${formatCount(row.indicators[id]!.value ?? 0)})`)
  const late = listed('late')
  const overdue = listed('overdue_open')
  return [
    {
      kind: 'paragraph',
      text:
        `Trong kỳ, ${lowerFirst(labels.subtree)} giải quyết ${formatCount(subtree.on_time_rate?.denominator ?? 0)} hồ sơ, trong đó ${formatCount(subtree.late?.value ?? 0)} hồ sơ trễ hạn ` +
        `(tỷ lệ đúng hạn ${formatPercent(subtree.on_time_rate?.value ?? null)}); đến hết ngày ${letterDate(facts.period.to)} còn ${formatCount(subtree.overdue_open?.value ?? 0)} hồ sơ quá hạn chưa giải quyết.`,
    },
    { kind: 'paragraph', text: late.length === 0 ? 'Không có đơn vị nào có hồ sơ trễ hạn.' : `Đơn vị có hồ sơ trễ hạn: ${late.join(', ')}.` },
    ...(overdue.length > 0 ? [{ kind: 'paragraph' as const, text: `Đơn vị còn hồ sơ quá hạn chưa giải quyết: ${overdue.join(', ')}.` }] : []),
  ]
}

/**
 * Copies in the period; communes that have ever e-certified up to the period's end (cumulative,
 * so a commune that certified last month is not "chưa thực hiện"), those that did in the period,
 * and the ones that never have — by the letters' rule (praise-and-criticism).
 */
function ecertSection(facts: ReportFacts, short: (name: string) => string): Block[] {
  const subtree = facts.rows[0]!.indicators
  const communes = peerRows(facts.rows).filter((row) => row.unit_kind === 'commune')
  const judged = communes.map((row) => ({ name: short(row.unit_name), value: null, change: null, ecertStarted: ecertStarted(row) }))
  const none = praiseAndCriticism(judged, {}).ecertNotStarted.map((u) => u.name)
  const started = judged.filter((u) => u.ecertStarted === true).length
  const inPeriod = communes.filter((row) => (row.indicators.ecert_copies?.value ?? 0) > 0).length
  const copies = subtree.ecert_copies
  const change = copies ? changeText('ecert_copies', copies, 'bản sao') : ''
  const since = facts.ecertSince ? `từ ngày ${letterDate(facts.ecertSince)} ` : ''
  const text =
    `Trong kỳ có ${formatCount(copies?.value ?? 0)} bản sao chứng thực điện tử${change ? ` (${change})` : ''}` +
    (communes.length > 0
      ? `; ${since}đến hết ngày ${letterDate(facts.period.to)}, ${two(started)}/${two(communes.length)} đơn vị cấp xã đã thực hiện chứng thực điện tử` +
        (inPeriod > 0 ? ` (trong kỳ có ${formatCount(inPeriod)} đơn vị cấp xã cấp bản sao).` : ' (trong kỳ chưa có đơn vị cấp xã nào cấp bản sao).')
      : '.')
  return [{ kind: 'paragraph', text }, ...(none.length > 0 ? [{ kind: 'paragraph' as const, text: `Đơn vị cấp xã chưa thực hiện: ${joinVietnamese(none)}.` }] : [])]
}


/** The appendix columns: every indicator a row has for every unit. */
const APPENDIX_COLUMNS: readonly IndicatorId[] = ['received', 'online_rate', 'dossier_digitization_rate', 'result_digitization_rate', 'on_time_rate', 'late', 'overdue_open', 'online_payment_rate', 'ecert_copies', 'satisfaction_rate']

/** The last column: whether a commune has ever e-certified, up to the period's end (cumulative). */
const ECERT_TO_DATE_HEADER = 'Chứng thực điện tử (lũy kế)'

function appendixTable(facts: ReportFacts, labels: ReturnType<typeof scopeLabels>): Extract<Block, { kind: 'table' }> {
  const cell = (id: IndicatorId, row: ReportRow) => {
    const figure = row.indicators[id]
    if (!figure) return ''
    return isRateId(id) ? formatPercent(figure.value) : formatCount(figure.value ?? 0)
  }
  const peers = peerRows(facts.rows)
  const communes = peers.filter((row) => row.unit_kind === 'commune').length
  // A commune has started or not; the whole unit says how many of its communes have, "19/23".
  const ecertToDate = (row: ReportRow, total: boolean) => {
    if (total) return communes > 0 ? `${two(row.indicators.ecert_units_to_date?.value ?? 0)}/${two(communes)}` : ''
    const started = ecertStarted(row)
    return started === null ? '' : started ? 'Đã thực hiện' : 'Chưa thực hiện'
  }
  const line = (index: string, name: string, row: ReportRow, total = false) => [index, name, ...APPENDIX_COLUMNS.map((id) => cell(id, row)), ecertToDate(row, total)]
  const rows = [
    line('', labels.subtree, facts.rows[0]!, true),
    ...(facts.rows[1] ? [line('', labels.own, facts.rows[1])] : []),
    ...peers.map((row, i) => line(String(i + 1), row.unit_name, row)),
  ]
  return {
    kind: 'table',
    header: ['TT', 'Đơn vị', ...APPENDIX_COLUMNS.map((id) => SHORT_LABELS[id]), ECERT_TO_DATE_HEADER],
    rows,
    widths: [3.5, 18.5, ...APPENDIX_COLUMNS.map(() => 70 / APPENDIX_COLUMNS.length), 8],
    emphasisRows: facts.rows[1] ? [0, 1] : [0],
  }
}

/** Every placeholder a report template may use. */
export function reportValues(facts: ReportFacts): Record<string, string> {
  return {
    UNIT_NAME: facts.unitName.toLocaleUpperCase('vi'),
    unit_name: facts.unitName,
    unit_in_sentence: nameInSentence(facts.unitName),
    place: placeName(facts.unitName),
    parent_place: facts.parentName ? placeName(facts.parentName) : '',
    parent_in_sentence: facts.parentName ? nameInSentence(facts.parentName) : '',
    period: periodLabel(facts.period),
    from: letterDate(facts.period.from),
    to: letterDate(facts.period.to),
    year: facts.period.to.slice(0, 4),
    report_date: letterDate(facts.reportDate),
    due_date: facts.dueDate ? letterDate(facts.dueDate) : '',
    ...tasksCompletionValues(facts.tasks.map((t) => ({ ...t, unitName: shortUnitName(t.unitName, [placeName(facts.unitName)]) }))),
  }
}

/** A weekly summary or a monthly report: the period's figures, trend, targets, late dossiers, e-certified copies and the appendix. */
export function composeReport(template: ReportTemplate, facts: ReportFacts): OfficialDocument {
  const values = reportValues(facts)
  const fill = (text: string, where: string) => fillPlaceholders(text, values, where)
  const labels = scopeLabels(facts.unitKind)
  const place = placeName(facts.unitName)
  const short = (name: string) => shortUnitName(name, [place])
  const heading = (text: string): Block => ({ kind: 'heading', text: fill(text, 'headings') })
  const intro = fillParagraphs(template.intro, values, 'intro').map((text): Block => ({ kind: 'paragraph', text }))
  const closing = fillParagraphs(template.closing, values, 'closing')
  return {
    ...(template.header.parent ? { issuerParent: fill(template.header.parent, 'header.parent').toLocaleUpperCase('vi') } : {}),
    issuer: template.header.issuer.map((line) => fill(line, 'header.issuer').toLocaleUpperCase('vi')),
    numberLine: numberLine(fill(template.header.number, 'header.number'), fill(template.header.symbol, 'header.symbol')),
    placeDate: `${fill(template.header.place, 'header.place')}, ${decreeDate(facts.reportDate)}`,
    subject: [],
    title: { name: fill(template.title.name, 'title'), lines: template.title.lines.map((line) => fill(line, 'title')) },
    recipients: template.recipients.map((line) => fill(line, 'recipients')),
    body: [
      ...intro,
      heading(template.headings.figures),
      ...figuresSection(facts, labels),
      heading(template.headings.trend),
      ...trendSection(template, facts, labels),
      heading(template.headings.targets),
      ...targetsSection(facts, labels, short),
      heading(template.headings.late),
      ...lateSection(facts, labels, short),
      heading(template.headings.ecert),
      ...ecertSection(facts, short),
      ...(template.tasks ? [heading(template.tasks.heading), ...fillParagraphs(template.tasks.paragraphs, values, 'tasks').map((text): Block => ({ kind: 'paragraph', text }))] : []),
      ...(template.index766?.show && facts.index766 ? index766Section(template.index766, facts.index766, values) : []),
      ...closing.slice(0, -1).map((text): Block => ({ kind: 'paragraph', text })),
    ],
    ...(closing.length > 0 ? { closing: closing[closing.length - 1]! } : {}),
    copiesTo: template.copies_to.map((line) => fill(line, 'copies_to')),
    signer: { authority: template.signer.authority.map((line) => fill(line, 'signer')), name: fill(template.signer.name, 'signer') },
    appendix: {
      title: 'PHỤ LỤC',
      lines: [`Kết quả của từng đơn vị ${periodLabel(facts.period)}`, `(Kèm theo ${numberLine(fill(template.header.number, 'header.number'), fill(template.header.symbol, 'header.symbol')).replace(/^Số/, 'văn bản số')} ngày ${letterDate(facts.reportDate)})`],
      table: appendixTable(facts, labels),
      notes: [
        'Tỷ lệ là tỷ số của các tổng (không lấy trung bình tỷ lệ của các đơn vị), làm tròn đến hai chữ số thập phân; "không phát sinh": không có hồ sơ để tính.',
        `Kỳ trước để so sánh: ${periodLabel(facts.previous)}. Tử số, mẫu số, chỉ tiêu, thứ hạng của từng chỉ số: xem phụ lục XLSX.`,
      ],
    },
  }
}
