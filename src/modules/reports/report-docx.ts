import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { composeReport, type ReportFacts } from '../../domain/reports/compose-report.js'
import type { ReportTemplate } from '../../domain/reports/document-template.js'
import { checkPeriod } from '../../domain/indicators/period.js'
import { checkPeriodicReportKind } from '../../domain/reports/report-kinds.js'
import type { MonthlyDue } from '../../domain/reports/monthly-due-date.js'
import type { OfficialDocument } from '../../domain/reports/official-document.js'
import { addDays, dayOfWeek, type LocalDate } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { periodTaskOutcomes } from '../directives/period-task-outcomes.js'
import { getIndicatorSeries } from '../indicators/get-series.js'
import { resolveSigner } from '../letters/resolve-signer.js'
import { loadReportTable } from './load-report-table.js'
import { officialDocx } from './official-docx.js'
import { monthlyReportDueDate } from './report-due-date.js'
import { reportIndex766 } from './report-index766.js'
import { loadReportTemplate, type ReportTemplateKind } from './report-template.js'
import type { ReportRequest } from './report-request.js'

export interface WrittenReport {
  template: ReportTemplate
  facts: ReportFacts
  document: OfficialDocument
  docx: Buffer
  /** Monthly reports: when it is due and how many days are left. */
  due: MonthlyDue | null
}

/** Where the trend starts: `periods` calendar weeks (Monday first) or months, the period's own included. */
function trendStart(kind: ReportTemplateKind, from: LocalDate, to: LocalDate, periods: number): LocalDate {
  if (kind === 'weekly') {
    const monday = addDays(from, -((dayOfWeek(from) + 6) % 7))
    return addDays(monday, -7 * (periods - 1))
  }
  const [year, month] = to.split('-').map(Number) as [number, number]
  const index = year * 12 + (month - 1) - (periods - 1)
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

/** The figures of a weekly summary or monthly report. */
export async function reportFacts(db: Kysely<Database>, kind: ReportTemplateKind, template: ReportTemplate, request: ReportRequest): Promise<{ facts: ReportFacts; due: MonthlyDue | null }> {
  const { unit, parent, period, table } = await loadReportTable(db, { ...request, ecertSince: request.ecertSince ?? template.ecert_since })
  const start = trendStart(kind, period.from, period.to, template.trend.periods)
  const series = await getIndicatorSeries(db, { unitCode: unit.code, from: start < period.from ? start : period.from, to: period.to, granularity: kind === 'weekly' ? 'week' : 'month', scope: 'subtree' })
  const due = kind === 'monthly' ? await monthlyReportDueDate(db, { from: period.from, to: period.to, today: request.today }) : null
  const index766 = template.index766?.show ? await reportIndex766(db, unit.id, period) : undefined
  const reportDate = request.date ?? toVietnamDate(new Date())
  return {
    facts: {
      unitName: unit.name,
      unitKind: unit.kind,
      parentName: parent?.name ?? null,
      reportDate,
      period,
      previous: table.previous,
      rows: table.rows,
      series: series.points,
      dueDate: due?.due_date,
      ecertSince: request.ecertSince ?? template.ecert_since,
      index766,
      tasks: await periodTaskOutcomes(db, unit.id, period, reportDate),
    },
    due,
  }
}

/** A weekly summary or a monthly report, as DOCX with its appendix. */
export async function writeReport(db: Kysely<Database>, kind: ReportTemplateKind, request: ReportRequest): Promise<WrittenReport> {
  checkPeriodicReportKind(kind, checkPeriod(request.from, request.to))
  const loaded = await loadReportTemplate(kind, request.templatePath)
  const template = { ...loaded, signer: await resolveSigner(db, request.unitCode, loaded.signer, request.signer) }
  const { facts, due } = await reportFacts(db, kind, template, request)
  const document = composeReport(template, facts)
  const docx = await officialDocx(document, { title: [document.title?.name ?? 'BÁO CÁO', ...(document.title?.lines ?? [])].join(' '), description: template.description ?? 'Báo cáo' })
  return { template, facts, document, docx, due }
}
