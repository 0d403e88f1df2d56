import { formatVietnameseDate } from '../../domain/time/local-date.js'
import { reorganiseUnits, type ReorganisationOutcome } from '../../modules/units/reorganise/reorganise-units.js'
import type { Command } from '../command.js'
import { reportingJsonErrors } from '../json-errors.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- units reorganise FILE [--dossiers TỆP_HỒ_SƠ] [--dry-run] [--close-accounts] [--json]
  FILE: CSV/XLSX (old_code, new_code, date, new_name, new_kind, new_parent_code, new_areas — Mã đơn vị cũ, Mã đơn vị mới,
        Ngày hiệu lực, Tên đơn vị mới, Loại đơn vị mới, Mã đơn vị cấp trên mới, Địa bàn của đơn vị mới: các địa bàn cách nhau bởi ";") hoặc JSON
        ({ "date": "2025-07-01", "units": [{ "code", "name", "kind", "parent_code", "from": [mã cũ…], "areas": [địa bàn…] }], "dissolved": [mã…],
          "dossiers": { "mã hồ sơ": "mã đơn vị mới" } — hồ sơ của đơn vị bị chia: theo "dossiers", không có thì theo địa chỉ người nộp thuộc "areas", không nữa thì đơn vị ghi đầu tiên)
  TỆP_HỒ_SƠ: CSV/XLSX (dossier_code, new_code — Mã hồ sơ, Mã đơn vị mới): như "dossiers" của JSON, cho tệp CSV/XLSX`

/** What the reorganisation moves, in Vietnamese lines. */
function describe(outcome: ReorganisationOutcome): string[] {
  const { plan } = outcome
  const lines = [outcome.applied ? `Đã sắp xếp đơn vị theo ${outcome.file}:` : `Chạy thử (không thay đổi gì) theo ${outcome.file}:`]
  for (const c of plan.created) lines.push(`  + ${c.code} ${c.name} (${c.kind}${c.parentCode ? `, thuộc ${c.parentCode}` : ''}) hoạt động từ ${formatVietnameseDate(c.validFrom)}`)
  for (const d of plan.dissolved) {
    lines.push(`  − ${d.code} ${d.name} chấm dứt sau ${formatVietnameseDate(d.validTo)}; ${d.successorCode ? `số liệu, hồ sơ chuyển về ${d.successorCode}` : 'không có đơn vị kế thừa'}`)
  }
  for (const s of outcome.splitShares) {
    lines.push(`  ÷ ${s.code} chia cho ${s.to.map((t) => t.code).join(', ')}: hồ sơ cũ ${s.to.map((t) => `${t.dossiers.toLocaleString('vi-VN')} cho ${t.code}`).join(', ')} (còn lại tính cho ${s.to[0]!.code}, đơn vị ghi đầu tiên)`)
  }
  for (const a of outcome.accounts) lines.push(`  tài khoản ${a.username}: ${a.to ? `${a.from} → ${a.to}` : `khóa cùng đơn vị ${a.from}`}`)
  if (outcome.revokedTokens > 0) lines.push(`  thu hồi ${outcome.revokedTokens} mã truy cập của các đơn vị chấm dứt`)
  return lines
}

/** Units: the reorganisation of the two-level government (and any later one) from a file. */
export const unitsCommand: Command = {
  name: 'units',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { 'dry-run': { type: 'boolean' }, 'close-accounts': { type: 'boolean' }, json: { type: 'boolean' }, dossiers: { type: 'string' } }, USAGE)
    const [action, path, ...extra] = positionals
    if (action !== 'reorganise') throw usageError(action ? `Không có lệnh units ${action}` : 'Thiếu lệnh (reorganise)', USAGE)
    if (!path) throw usageError('Thiếu đường dẫn tệp', USAGE)
    if (extra.length > 0) throw usageError(`Thừa tham số: ${extra.join(' ')}`, USAGE)
    const json = values.json ?? false
    const handle = await context.database()
    const outcome = await reportingJsonErrors(json, context, { kind: 'reorganisation', file: path }, () =>
      reorganiseUnits(handle, path, { dryRun: values['dry-run'] ?? false, accounts: values['close-accounts'] ? 'close' : 'move', actor: context.actor, ...(values.dossiers ? { dossiersFile: values.dossiers } : {}) }),
    )
    if (json) context.stdout(JSON.stringify({ ok: true, ...outcome }))
    else for (const line of describe(outcome)) context.stdout(line)
    return 0
  },
}
