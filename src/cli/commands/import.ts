import { SingleBar } from 'cli-progress'
import { importDossiers } from '../../modules/dossiers/import/import-dossiers.js'
import { importFeedback } from '../../modules/feedback/import-feedback.js'
import { formatImportIssue } from '../../modules/import/import-issue.js'
import type { ImportSummary } from '../../modules/import/import-summary.js'
import { importProcedures } from '../../modules/procedures/import-procedures.js'
import { importTargets } from '../../modules/targets/import-targets.js'
import { importUnits } from '../../modules/units/import-units.js'
import { reportingJsonErrors } from '../json-errors.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const KIND_LABELS = { units: 'đơn vị', procedures: 'thủ tục', dossiers: 'hồ sơ', feedback: 'phản ánh, kiến nghị', targets: 'chỉ tiêu' } as const
const KINDS = Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]

function describe(summary: ImportSummary): string {
  const n = (value: number) => value.toLocaleString('vi-VN')
  const lines = [
    `Nhập ${KIND_LABELS[summary.kind]} từ ${summary.file}: đọc ${n(summary.read)} dòng; thêm mới ${n(summary.inserted)}, cập nhật ${n(summary.updated)}, không đổi ${n(summary.unchanged)}, bị loại ${n(summary.rejected)}.`,
  ]
  if (summary.rejectedFile) lines.push(`Các dòng bị loại và lý do: ${summary.rejectedFile}`)
  for (const issue of summary.issues.slice(0, 20)) lines.push(`  - ${formatImportIssue(issue)}`)
  if (summary.issues.length > 20) lines.push(`  … và ${summary.issues.length - 20} lỗi khác`)
  return lines.join('\n')
}

function progressBar(): { update: (done: number, total: number, rows: number) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} }
  const bar = new SingleBar({ format: 'Đang đọc tệp [{bar}] {percentage}% | {rows} dòng', stream: process.stderr, hideCursor: true })
  let started = false
  return {
    update(done, total, rows) {
      if (!started) {
        bar.start(total, 0, { rows: 0 })
        started = true
      }
      bar.update(done, { rows: rows.toLocaleString('vi-VN') })
    },
    stop: () => started && bar.stop(),
  }
}

function isImportKind(kind: string | undefined): kind is (typeof KINDS)[number] {
  return (KINDS as readonly (string | undefined)[]).includes(kind)
}

export const importCommand: Command = {
  name: 'import',
  usage: 'cli -- import units|procedures|dossiers|feedback|targets FILE [--skip-invalid] [--ignore-unknown] [--json] [--workers N] [--data DIR]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { 'skip-invalid': { type: 'boolean' }, 'ignore-unknown': { type: 'boolean' }, json: { type: 'boolean' }, workers: { type: 'string' } },
      this.usage,
    )
    const [kind, path, ...extra] = positionals
    if (!isImportKind(kind)) throw usageError(`Loại dữ liệu không hợp lệ: ${kind ?? '(trống)'}`, this.usage)
    if (!path) throw usageError('Thiếu đường dẫn tệp', this.usage)
    if (extra.length > 0) throw usageError(`Thừa tham số: ${extra.join(' ')}`, this.usage)
    const workers = values.workers === undefined ? undefined : Number(values.workers)
    if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 16)) {
      throw usageError(`Số luồng đọc tệp không hợp lệ: ${values.workers} (một số nguyên từ 0 đến 16)`, this.usage)
    }
    if (kind === 'targets' && values['skip-invalid']) throw usageError('Chỉ tiêu được nhập tất cả hoặc không: bỏ --skip-invalid', this.usage)
    const options = { skipInvalid: values['skip-invalid'] ?? false, ignoreUnknown: values['ignore-unknown'] ?? false, actor: context.actor }
    const handle = await context.database()
    context.stderr(`Đang nhập ${KIND_LABELS[kind]} từ ${path}…`)
    const summary = await reportingJsonErrors(values.json ?? false, context, { kind, file: path }, async (): Promise<ImportSummary> => {
      if (kind === 'units') return importUnits(handle, path, options)
      if (kind === 'procedures') return importProcedures(handle, path, options)
      if (kind === 'feedback') return importFeedback(handle, path, options)
      if (kind === 'targets') return importTargets(handle, path, options)
      const bar = progressBar()
      try {
        return await importDossiers(handle, path, { ...options, workers, onProgress: (p) => bar.update(p.bytesRead, p.totalBytes, p.rows) })
      } finally {
        bar.stop()
      }
    })
    context.stderr(describe(summary))
    if (values.json) context.stdout(JSON.stringify(summary))
    return 0
  },
}
