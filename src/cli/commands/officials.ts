import { formatVietnameseDate } from '../../domain/time/local-date.js'
import { toVietnamDate } from '../../domain/time/vietnam-time.js'
import { certificateFilesAt } from '../../modules/officials/certificate-files.js'
import { importCertificates, type CertificateImportReport } from '../../modules/officials/import-certificates.js'
import { getUnitByCode, listUnits, subtreeOf } from '../../modules/units/units.repository.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- officials import-certificates THƯ_MỤC|TỆP.zip [--unit MÃ] [--password MẬT_KHẨU] [--dry-run] [--json]`

function describe(report: CertificateImportReport): string[] {
  const lines = [`Khớp ${report.matched.length} tệp, không khớp ${report.unmatched.length}, lỗi ${report.invalid.length}.`]
  for (const m of report.matched) {
    const state = m.expired ? ' — ĐÃ HẾT HẠN' : m.expiring_soon ? ' — hết hạn trong 30 ngày' : ''
    lines.push(`  khớp     ${m.file}: ${m.full_name} (${m.unit_code}, theo ${m.matched_by === 'identity_number' ? 'số CMND/CCCD' : 'họ tên'}), hết hạn ${formatVietnameseDate(toVietnamDate(m.valid_to))}${state}`)
  }
  for (const u of report.unmatched) lines.push(`  không khớp ${u.file}: ${u.reason}`)
  for (const i of report.invalid) lines.push(`  lỗi      ${i.file}: ${i.reason}`)
  return lines
}

/** The officials registry from the command line: a folder or zip of certificates matched to officials. */
export const officialsCommand: Command = {
  name: 'officials',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { unit: { type: 'string' }, password: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, USAGE)
    const [action, path, ...rest] = positionals
    if (action !== 'import-certificates') throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (import-certificates)`, USAGE)
    if (!path) throw usageError('Thiếu thư mục hoặc tệp .zip chứa chứng thư số', USAGE)
    if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, USAGE)
    const handle = await context.database()
    const sources = await certificateFilesAt(path)
    const unitIds = values.unit ? await subtreeOf(handle.db, (await getUnitByCode(handle.db, values.unit)).id) : new Set((await listUnits(handle.db)).map((u) => u.id))
    const dryRun = values['dry-run'] ?? false
    const report = await importCertificates(handle.db, { actor: context.actor, ip: null, unitIds }, sources, { dryRun, passwords: values.password ? [values.password] : [] })
    if (values.json) context.stdout(JSON.stringify(report))
    else for (const line of describe(report)) context.stdout(line)
    if (report.applied) context.stderr(`Đã ghi chứng thư số cho ${report.matched.length} cán bộ.`)
    else if (dryRun) context.stderr('Chạy thử: chưa ghi gì.')
    else context.stderr(report.matched.length === 0 && report.unmatched.length === 0 && report.invalid.length === 0 ? 'Không có tệp chứng thư số nào: chưa ghi gì.' : 'Không ghi gì: sửa hoặc bỏ các tệp không khớp, bị lỗi rồi nhập lại.')
    return report.applied || (dryRun && report.invalid.length === 0 && report.unmatched.length === 0) ? 0 : 1
  },
}
