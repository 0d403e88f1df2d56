import { basename } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { MonthlyDue } from '../../domain/reports/monthly-due-date.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit, type AuditHead } from '../audit/write-audit.js'
import { appendixWorkbook } from './appendix-workbook.js'
import { convertToPdf, type PdfResult } from './convert-to-pdf.js'
import { draftLetter } from './letter-docx.js'
import { writeReport } from './report-docx.js'
import type { ReportKind, ReportRequest } from './report-request.js'

export const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const

/** ASCII names for files people download: "du-thao-cong-van_H23.07_2022-09-05_2022-09-09.docx". */
const FILE_STEMS: Record<ReportKind, string> = {
  appendix: 'phu-luc-chi-so',
  weekly: 'bao-cao-tuan',
  monthly: 'bao-cao-thang',
  letter: 'du-thao-cong-van',
}

export interface GeneratedReport {
  kind: ReportKind
  extension: 'docx' | 'xlsx'
  /** The DOCX or XLSX. */
  bytes: Buffer
  /** Its file name, without a folder; the PDF's is the same with ".pdf". */
  filename: string
  /** The PDF when asked for: made, or why not. */
  pdf: PdfResult | null
  /** Monthly reports: the due date and the days left. */
  due: MonthlyDue | null
  /** The audit row of this export, the chain's head then: sent along with the report, a copy of the head outside motcua. */
  auditHead: AuditHead
}

export interface ReportAudit {
  /** `user:<name>`, `token:<name>`, `cli:<os user>`. */
  actor: string
  ip?: string | null
  /** Where the command line wrote it. */
  file?: string
}

/**
 * Writes one report from the figures — the appendix workbook, the weekly summary, the monthly
 * report or a directive letter — optionally with its PDF, and records the export in the audit
 * log (exports of data are audited, like dossier exports).
 */
export async function generateReport(db: Kysely<Database>, request: ReportRequest & { pdf?: boolean }, audit: ReportAudit): Promise<GeneratedReport> {
  if (request.kind === 'appendix' && request.templatePath) {
    throw new AppError(ErrorCode.validation, 'usage: appendix takes no template', 'Phụ lục (appendix) không dùng tệp mẫu: bỏ --template')
  }
  let bytes: Buffer
  let extension: 'docx' | 'xlsx' = 'docx'
  let due: MonthlyDue | null = null
  let unitCode = request.unitCode
  let period = { from: request.from ?? '', to: request.to ?? '' }
  switch (request.kind) {
    case 'appendix': {
      const { data, xlsx } = await appendixWorkbook(db, request)
      ;[bytes, extension, unitCode, period] = [xlsx, 'xlsx', data.unit.code, data.period]
      break
    }
    case 'letter': {
      const letter = await draftLetter(db, request)
      ;[bytes, period] = [letter.docx, letter.facts.period]
      break
    }
    case 'weekly':
    case 'monthly': {
      const report = await writeReport(db, request.kind, request)
      ;[bytes, due, period] = [report.docx, report.due, report.facts.period]
      break
    }
  }
  const pdf = request.pdf ? await convertToPdf(bytes, extension) : null
  const auditHead = await db.transaction().execute((trx) =>
    writeAudit(trx, {
      actor: audit.actor,
      ip: audit.ip ?? null,
      action: 'export.report',
      entity: 'report',
      entityId: request.kind,
      summary: {
        kind: request.kind,
        unit: unitCode,
        from: period.from,
        to: period.to,
        format: pdf?.ok ? 'pdf' : extension,
        template: request.templatePath ? basename(request.templatePath) : null,
        file: audit.file ?? null,
      },
    }),
  )
  return { kind: request.kind, extension, bytes, filename: `${FILE_STEMS[request.kind]}_${unitCode}_${period.from}_${period.to}.${extension}`, pdf, due, auditHead }
}
