import { INDICATOR_IDS, INDICATORS } from '../../domain/indicators/indicator-id.js'
import { isRate } from '../../domain/indicators/compute-indicators.js'
import { formatCount, formatPercent } from '../../domain/format/vietnamese-numbers.js'
import { isLocalDate } from '../../domain/time/local-date.js'
import { getIndicators, type IndicatorReport } from '../../modules/indicators/get-indicators.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

function vnDate(date: string): string {
  const [y, m, d] = date.split('-')
  return `${d}/${Number(m)}/${y}`
}

/** A readable Vietnamese table: one block per row, figures as people write them. */
function renderTable(report: IndicatorReport): string {
  const lines = [`Chỉ số từ ngày ${vnDate(report.from)} đến ngày ${vnDate(report.to)}`]
  for (const row of report.rows) {
    const scope = row.scope === 'own' ? ' — Bộ phận Một cửa của đơn vị' : row.scope === 'subtree' && report.rows.length > 1 && row === report.rows[0] ? ' — toàn đơn vị' : ''
    lines.push('', `${row.unit_name} (${row.unit_code})${scope}`)
    for (const id of INDICATOR_IDS) {
      const value = row.indicators[id]
      if (!value) continue
      const text = isRate(value)
        ? `${formatPercent(value.value)}${value.denominator > 0 ? ` (${formatCount(value.numerator)}/${formatCount(value.denominator)})` : ''}`
        : formatCount(value.value)
      lines.push(`  ${INDICATORS[id].label.padEnd(52)} ${text}`)
    }
  }
  return lines.join('\n')
}

export const indicatorsCommand: Command = {
  name: 'indicators',
  usage: 'cli -- indicators --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD [--children] [--current-units] [--by-decider] [--ecert-since YYYY-MM-DD] [--json] [--data DIR]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, children: { type: 'boolean' }, 'current-units': { type: 'boolean' }, 'by-decider': { type: 'boolean' }, 'ecert-since': { type: 'string' }, json: { type: 'boolean' } },
      this.usage,
    )
    if (positionals.length > 0) throw usageError(`Thừa tham số: ${positionals.join(' ')}`, this.usage)
    if (!values.unit) throw usageError('Thiếu --unit (mã đơn vị)', this.usage)
    const since = values['ecert-since']
    if (since !== undefined && !isLocalDate(since)) throw usageError(`--ecert-since không hợp lệ: ${since} (dạng YYYY-MM-DD, ngày có thật)`, this.usage)
    const handle = await context.database()
    const report = await getIndicators(handle.db, { unitCode: values.unit, from: values.from, to: values.to, children: values.children ?? false, ecertSince: since, tree: values['current-units'] ? 'current' : 'period', attribution: values['by-decider'] ? 'decider' : 'receiver' })
    context.stdout(values.json ? JSON.stringify(report, null, 2) : renderTable(report))
    return 0
  },
}
