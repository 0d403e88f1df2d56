import { constants } from 'node:fs'
import { access, writeFile } from 'node:fs/promises'
import { dirname, extname } from 'node:path'
import { dueReminder } from '../../domain/reports/monthly-due-date.js'
import { SIGNER_POSITIONS, type SignerPosition } from '../../domain/reports/signature-authority.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { isLocalDate } from '../../domain/time/local-date.js'
import { generateReport } from '../../modules/reports/generate-report.js'
import { REPORT_KINDS, type ReportKind } from '../../modules/reports/report-request.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const EXTENSION: Record<ReportKind, '.docx' | '.xlsx'> = { appendix: '.xlsx', weekly: '.docx', monthly: '.docx', letter: '.docx' }

export const reportCommand: Command = {
  name: 'report',
  usage:
    'cli -- report appendix|weekly|monthly|letter --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE [--template FILE] [--pdf] ' +
    '[--date YYYY-MM-DD] [--trend YYYY-MM-DD..YYYY-MM-DD,…] [--today YYYY-MM-DD] [--ecert-since YYYY-MM-DD] [--signer chair|vice_chair|chief_of_office|deputy_chief_of_office] [--json] [--data DIR]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        unit: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        template: { type: 'string' },
        pdf: { type: 'boolean' },
        date: { type: 'string' },
        trend: { type: 'string' },
        today: { type: 'string' },
        'ecert-since': { type: 'string' },
        signer: { type: 'string' },
        json: { type: 'boolean' },
      },
      this.usage,
    )
    const [kind, ...extra] = positionals
    if (!kind || !(REPORT_KINDS as readonly string[]).includes(kind)) throw usageError(`Loại báo cáo phải là ${REPORT_KINDS.join(', ')}, không phải: ${kind ?? '(trống)'}`, this.usage)
    if (extra.length > 0) throw usageError(`Thừa tham số: ${extra.join(' ')}`, this.usage)
    const reportKind = kind as ReportKind
    if (!values.unit) throw usageError('Thiếu --unit (mã đơn vị)', this.usage)
    if (!values.out) throw usageError('Thiếu --out (tệp kết quả)', this.usage)
    for (const name of ['date', 'today', 'ecert-since'] as const) {
      const value = values[name]
      if (value !== undefined && !isLocalDate(value)) throw usageError(`--${name} không hợp lệ: ${value} (dạng YYYY-MM-DD, ngày có thật)`, this.usage)
    }
    const signer = values.signer as SignerPosition | undefined
    if (signer !== undefined && !SIGNER_POSITIONS.includes(signer)) throw usageError(`--signer phải là ${SIGNER_POSITIONS.join(', ')}, không phải: ${values.signer}`, this.usage)
    if (signer !== undefined && reportKind === 'appendix') throw usageError('Phụ lục (appendix) không có người ký: bỏ --signer', this.usage)
    if (values.trend !== undefined && reportKind !== 'letter') throw usageError('--trend chỉ dùng cho công văn (letter)', this.usage)
    // --out x.pdf means "the PDF": the DOCX (or XLSX) is written beside it.
    const wanted = EXTENSION[reportKind]
    const outExtension = extname(values.out).toLowerCase()
    if (outExtension !== wanted && outExtension !== '.pdf') throw usageError(`--out phải là tệp ${wanted} (hoặc .pdf), không phải: ${values.out}`, this.usage)
    const stem = values.out.slice(0, values.out.length - outExtension.length)
    const nativePath = `${stem}${wanted}`
    const pdfPath = `${stem}.pdf`
    const pdf = (values.pdf ?? false) || outExtension === '.pdf'

    // Before the work and its audit row: a folder that cannot take the file is said plainly.
    try {
      await access(dirname(nativePath), constants.W_OK)
    } catch {
      throw new AppError(ErrorCode.validation, `cannot write to ${dirname(nativePath)}`, `Không ghi được vào thư mục ${dirname(nativePath)} (không có hoặc không có quyền ghi)`)
    }
    const handle = await context.database()
    const report = await generateReport(
      handle.db,
      { kind: reportKind, unitCode: values.unit, from: values.from, to: values.to, templatePath: values.template, date: values.date, today: values.today, trend: values.trend, ecertSince: values['ecert-since'], signer, pdf },
      { actor: context.actor, file: pdf ? pdfPath : nativePath },
    )
    await writeFile(nativePath, report.bytes)
    context.stderr(`Đã ghi ${nativePath}.`)
    if (report.pdf?.ok) {
      await writeFile(pdfPath, report.pdf.pdf)
      context.stderr(`Đã ghi ${pdfPath}.`)
    } else if (report.pdf) {
      context.stderr(`${report.pdf.reason} Chỉ có tệp ${nativePath}.`)
    }
    context.stderr(`Mốc nhật ký của lần xuất này: ${report.auditHead.last_id}:${report.auditHead.last_hash} (giữ cùng báo cáo; audit verify --head … đối chiếu).`)
    const reminder = report.due ? dueReminder(report.due) : null
    if (reminder) context.stderr(reminder)
    // A letter orders tasks: once its number is issued it is recorded with them, and later letters cite it.
    if (reportKind === 'letter') context.stderr(`Khi công văn có số: cli -- directives record-letter --unit ${values.unit} --from ${values.from} --to ${values.to}${values.date ? ` --date ${values.date}` : ''} --number SỐ/KÝ-HIỆU (xem các nhiệm vụ đề xuất; thêm --confirm để ghi).`)
    if (values.json) {
      context.stdout(
        JSON.stringify(
          {
            kind: reportKind,
            unit: values.unit,
            file: nativePath,
            pdf_file: report.pdf?.ok ? pdfPath : null,
            ...(report.pdf && !report.pdf.ok ? { pdf_error: report.pdf.reason } : {}),
            ...(report.due ? { due_date: report.due.due_date, days_left: report.due.days_left, due_status: report.due.status } : {}),
          },
          null,
          2,
        ),
      )
    }
    return 0
  },
}
