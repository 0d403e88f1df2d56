import type { FastifyInstance } from 'fastify'
import { SIGNER_POSITIONS, type SignerPosition } from '../../../domain/reports/signature-authority.js'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DatabaseHandle } from '../../../db/open-database.js'
import { checkPeriod } from '../../../domain/indicators/period.js'
import { CONTENT_TYPES, generateReport } from '../../../modules/reports/generate-report.js'
import { monthlyReportDueDate } from '../../../modules/reports/report-due-date.js'
import { REPORT_KINDS, type ReportKind } from '../../../modules/reports/report-request.js'
import { actorOf } from '../../plugins/authentication.js'
import { visibleUnit } from '../../visible-unit.js'
import { AsOfDateParam, EcertSinceParam, ErrorBody, LocalDateParam, PeriodQuery } from '../../schemas.js'
import { attachmentDisposition } from '../../../domain/procedures/content-disposition.js'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody }

/** Only letters, digits, dot, dash and underscore in a downloaded file's name. */
function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '-')
}

/**
 * /api/v1/reports/{kind}: the appendix workbook, the weekly summary, the monthly report or a
 * directive letter draft, as a file to download. The default templates of templates/ are used:
 * a template is a file on the server, chosen by whoever runs it, never uploaded by a caller.
 */
export function registerReportRoutes(app: FastifyInstance, handle: DatabaseHandle): void {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const access = { access: { permission: 'indicators:read' as const } }

  api.get('/api/v1/reports/monthly/due-date', {
    config: access,
    schema: {
      summary: 'Hạn gửi báo cáo tháng (trước ngày 25) và số ngày còn lại',
      description: 'Hạn là ngày làm việc cuối cùng trước ngày 25 của tháng đầu tiên mà hạn đó không sớm hơn ngày cuối của kỳ; days_left âm khi đã quá hạn.',
      tags: ['Báo cáo'],
      querystring: PeriodQuery,
      response: {
        200: z.object({ before: z.string(), due_date: z.string(), days_left: z.number(), status: z.enum(['upcoming', 'close', 'late']) }),
        ...errors,
      },
    },
    handler: async (request) => {
      checkPeriod(request.query.from, request.query.to)
      await visibleUnit(handle.db, request, request.query.unit)
      return monthlyReportDueDate(handle.db, { from: request.query.from, to: request.query.to })
    },
  })

  api.get('/api/v1/reports/:kind', {
    config: access,
    schema: {
      summary: 'Tải phụ lục (XLSX), báo cáo tuần, báo cáo tháng hoặc dự thảo công văn (DOCX, PDF)',
      description:
        'appendix: phụ lục XLSX, mỗi nhóm chỉ số một trang tính; weekly, monthly: báo cáo DOCX kèm phụ lục; letter: dự thảo công văn biểu dương, phê bình theo mẫu. ' +
        'format=pdf: bản PDF khi máy chủ có LibreOffice; nếu không, trả tệp DOCX/XLSX với tiêu đề X-Report-Pdf: unavailable. ' +
        'Báo cáo tháng có thêm tiêu đề X-Report-Due-Date và X-Report-Days-Left.',
      tags: ['Báo cáo'],
      params: z.object({ kind: z.enum(REPORT_KINDS) }),
      querystring: PeriodQuery.extend({
        format: z.enum(['file', 'pdf']).default('file').describe('file: DOCX hoặc XLSX; pdf: PDF qua LibreOffice'),
        date: AsOfDateParam('Ngày của văn bản (date)').optional().describe('Ngày của văn bản (mặc định hôm nay)'),
        trend: z.string().max(400).optional().describe('Công văn: các kỳ so sánh, ví dụ 2022-07-01..2022-07-31,2022-08-01..2022-08-31'),
        ecert_since: EcertSinceParam,
        signer: z.enum(SIGNER_POSITIONS as [SignerPosition, ...SignerPosition[]]).optional().describe('Người ký thay cho người ký của mẫu: chair, vice_chair, chief_of_office, deputy_chief_of_office'),
      }),
      response: { 200: z.any().describe('Tệp DOCX, XLSX hoặc PDF (Content-Disposition: attachment; filename=…)'), ...errors },
    },
    handler: async (request, reply) => {
      const q = request.query
      checkPeriod(q.from, q.to)
      await visibleUnit(handle.db, request, q.unit)
      const actor = actorOf(request)
      const report = await generateReport(
        handle.db,
        { kind: request.params.kind as ReportKind, unitCode: q.unit, from: q.from, to: q.to, date: q.date, trend: q.trend, ecertSince: q.ecert_since, signer: q.signer, pdf: q.format === 'pdf' },
        { actor: actor.label, ip: request.ip },
      )
      // A copy of the audit chain's head leaves with every report (SECURITY.md, anchors).
      void reply.header('x-audit-head', `${report.auditHead.last_id}:${report.auditHead.last_hash}`)
      if (report.due) {
        void reply.header('x-report-due-date', report.due.due_date).header('x-report-days-left', String(report.due.days_left))
      }
      if (report.pdf && !report.pdf.ok) {
        void reply.header('x-report-pdf', 'unavailable').header('x-report-pdf-reason', encodeURIComponent(report.pdf.reason))
      }
      const pdf = report.pdf?.ok ? report.pdf.pdf : null
      const filename = safeFilename(pdf ? report.filename.replace(/\.\w+$/, '.pdf') : report.filename)
      return reply
        .header('content-type', pdf ? CONTENT_TYPES.pdf : CONTENT_TYPES[report.extension])
        .header('content-disposition', attachmentDisposition(filename))
        .header('cache-control', 'no-store')
        .send(pdf ?? report.bytes)
    },
  })
}
