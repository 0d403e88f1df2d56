import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { RateValue } from '../../domain/indicators/compute-indicators.js'
import { ecertStarted } from '../../domain/indicators/ecert-started.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { pickCitations, type LetterCitations } from '../../domain/reports/cited-documents.js'
import { composeLetter, type LetterFacts } from '../../domain/reports/compose-letter.js'
import type { LetterTemplate } from '../../domain/reports/document-template.js'
import { periodLabel, previousMonths } from '../../domain/reports/letter-dates.js'
import type { OfficialDocument } from '../../domain/reports/official-document.js'
import { peerRows } from '../../domain/reports/compose-report.js'
import { parseTrendPeriods } from '../../domain/reports/trend-periods.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { periodTaskOutcomes } from '../directives/period-task-outcomes.js'
import { getIndicators } from '../indicators/get-indicators.js'
import { listCitedDocuments } from '../letters/cited-documents.repository.js'
import { resolveSigner } from '../letters/resolve-signer.js'
import { loadLetterTemplate } from './letter-template.js'
import { loadReportTable } from './load-report-table.js'
import { officialDocx } from './official-docx.js'
import type { ReportRequest } from './report-request.js'

export interface DraftLetter {
  template: LetterTemplate
  facts: LetterFacts
  document: OfficialDocument
  docx: Buffer
}

/** The figures a directive letter is written from: the trend, every unit's rate and change, e-certified copies, the deadline. */
export async function letterFacts(db: Kysely<Database>, template: LetterTemplate, request: ReportRequest): Promise<LetterFacts> {
  const { unit, period, table } = await loadReportTable(db, { ...request, ecertSince: request.ecertSince ?? template.ecert_since })
  const id = template.indicator
  const letterDate = request.date ?? toVietnamDate(new Date())
  const earlier = request.trend !== undefined ? parseTrendPeriods(request.trend) : previousMonths(period.from, template.trend.previous_months)
  if (earlier.some((p) => p.to >= period.from)) {
    throw new AppError(ErrorCode.validation, 'trend period overlaps', 'Các kỳ so sánh phải kết thúc trước ngày bắt đầu của kỳ báo cáo', [{ column: 'trend', value: request.trend ?? '', reason: 'chồng lên kỳ báo cáo' }])
  }
  const trend = []
  for (const p of earlier) {
    const report = await getIndicators(db, { unitCode: unit.code, from: p.from, to: p.to, children: false })
    trend.push({ label: periodLabel(p, p.to.slice(0, 4) !== period.to.slice(0, 4)), value: (report.rows[0]!.indicators[id] as RateValue).value })
  }
  trend.push({ label: periodLabel(period), value: table.rows[0]!.indicators[id]?.value ?? null })
  const peers = peerRows(table.rows)
  const communes = peers.filter((row) => row.unit_kind === 'commune')
  const calendar = await loadWorkingCalendar(db)
  return {
    unitName: unit.name,
    letterDate,
    period,
    trend,
    units: peers.map((row) => {
      const figure = row.indicators[id]!
      return { name: row.unit_name, numerator: figure.numerator ?? 0, denominator: figure.denominator ?? 0, value: figure.value, change: figure.change, ecertStarted: ecertStarted(row) }
    }),
    ecert: {
      copies: communes.reduce((sum, row) => sum + (row.indicators.ecert_copies?.value ?? 0), 0),
      previousCopies: communes.reduce((sum, row) => sum + (row.indicators.ecert_copies?.previous ?? 0), 0),
      unitsDoing: communes.filter((row) => ecertStarted(row) === true).length,
      unitsDoingInPeriod: communes.filter((row) => (row.indicators.ecert_copies?.value ?? 0) > 0).length,
      unitsOf: communes.length,
    },
    deadline: calendar.addWorkingDays(letterDate, template.deadline.working_days_after_letter),
    citations: await letterCitations(db, unit.code, template.topic, period.to, letterDate),
    tasks: await periodTaskOutcomes(db, unit.id, period, letterDate),
  }
}

/** What a letter on `topic` cites: the plans of the period's year, the unit's latest earlier letter. */
async function letterCitations(db: Kysely<Database>, unitCode: string, topic: string | undefined, periodEnd: string, date: string): Promise<LetterCitations | undefined> {
  if (topic === undefined) return undefined
  const year = Number(periodEnd.slice(0, 4))
  return pickCitations(await listCitedDocuments(db, unitCode, { topic, year }), { topic, year, date })
}

/** A directive letter drafted from a template and the figures, as DOCX. */
export async function draftLetter(db: Kysely<Database>, request: ReportRequest): Promise<DraftLetter> {
  const loaded = await loadLetterTemplate(request.templatePath)
  const template = { ...loaded, signer: await resolveSigner(db, request.unitCode, loaded.signer, request.signer) }
  const facts = await letterFacts(db, template, request)
  const document = composeLetter(template, facts)
  const docx = await officialDocx(document, { title: document.subject.join(' '), description: template.description ?? 'Dự thảo công văn' })
  return { template, facts, document, docx }
}
