import { exportDossiers } from '../../modules/dossiers/export/export-dossiers.js'
import { parseTime } from '../../modules/import/value-parsers.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const DAY = 24 * 3600_000

export const exportCommand: Command = {
  name: 'export',
  usage: 'cli -- export dossiers FILE [--unit CODE [--current-units]] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--data DIR]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { unit: { type: 'string' }, 'current-units': { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' } }, this.usage)
    const [kind, path, ...extra] = positionals
    if (kind !== 'dossiers') throw usageError(`Chỉ xuất được hồ sơ (dossiers), không phải: ${kind ?? '(trống)'}`, this.usage)
    if (!path) throw usageError('Thiếu đường dẫn tệp', this.usage)
    if (extra.length > 0) throw usageError(`Thừa tham số: ${extra.join(' ')}`, this.usage)
    const bound = (name: string, text: string | undefined) => {
      if (text === undefined) return undefined
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseTime(text) : ({ ok: false, reason: 'phải có dạng YYYY-MM-DD' } as const)
      if (!parsed.ok) throw usageError(`--${name} không hợp lệ: ${parsed.reason}`, this.usage)
      return parsed.value
    }
    const from = bound('from', values.from)
    const toDay = bound('to', values.to)
    if (values['current-units'] && !values.unit) throw usageError('--current-units cần --unit (đơn vị hiện nay có hồ sơ của các đơn vị nó kế thừa)', this.usage)
    if (from && toDay && from > toDay) throw usageError('--from phải trước hoặc bằng --to', this.usage)
    const handle = await context.database()
    const count = await exportDossiers(handle, path, {
      actor: context.actor,
      ...(values.unit ? { unitCode: values.unit } : {}),
      ...(values['current-units'] ? { withPredecessors: true } : {}),
      ...(from ? { from } : {}),
      ...(toDay ? { to: new Date(toDay.getTime() + DAY) } : {}),
    })
    context.stderr(`Đã xuất ${count.toLocaleString('vi-VN')} hồ sơ ra ${path}.`)
    return 0
  },
}
