import { formatPercent } from '../../domain/format/vietnamese-numbers.js'
import { formatPoints, type IndicatorScore } from '../../domain/index766/score-unit.js'
import { computeIndex, type IndexReport } from '../../modules/index766/compute-index.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

function vnDate(date: string): string {
  const [y, m, d] = date.split('-')
  return `${d}/${Number(m)}/${y}`
}

function figure(indicator: IndicatorScore): string {
  if (indicator.parts) return `B ${indicator.parts.b === null ? 'chưa có dữ liệu' : formatPercent(indicator.parts.b.ratio)}, C ${formatPercent(indicator.parts.c.ratio)}`
  // An average (2.2) is written out in its explanation already.
  if (indicator.average !== undefined || indicator.numerator === null || indicator.denominator === null) return ''
  return `${indicator.numerator}/${indicator.denominator} = ${formatPercent(indicator.ratio)}`
}

/** The score as people read it: each indicator with its figures, points and the sum written out. */
function renderTable(report: IndexReport): string {
  const { score } = report
  const lines = [
    `Chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/QĐ-TTg — ${report.unit_name} (${report.unit_code})`,
    `Kỳ ${report.period.label}: từ ngày ${vnDate(report.period.from)} đến ngày ${vnDate(report.period.to)}`,
    `Bộ công thức: ${score.formula_set.name} (hiệu lực từ ${vnDate(score.formula_set.valid_from)}${score.formula_set.valid_to ? ` đến ${vnDate(score.formula_set.valid_to)}` : ''})`,
  ]
  if (!report.formula_set_applies) lines.push('Lưu ý: kỳ đánh giá nằm ngoài thời gian hiệu lực của bộ công thức; điểm chỉ để tham khảo.')
  for (const group of score.groups) {
    lines.push('', `${group.label}: ${formatPoints(group.points)}/${formatPoints(group.scorable_points)} điểm (tối đa ${formatPoints(group.max_points)})`)
    for (const indicator of score.indicators.filter((i) => i.group_id === group.id)) {
      const points = indicator.points === null ? '—' : formatPoints(indicator.points)
      lines.push(`  ${indicator.id.padEnd(5)} ${indicator.label.padEnd(60)} ${points.padStart(6)}  ${indicator.explanation}`)
      const shown = figure(indicator)
      if (shown && !indicator.explanation.includes(shown.split(' = ')[0]!)) lines.push(`        ${shown}`)
    }
  }
  const total = score.total
  lines.push(
    '',
    `Tổng: ${formatPoints(total.points)}/${formatPoints(total.scorable_points)} điểm có thể chấm (tối đa ${formatPoints(total.max_points)})` +
      (total.score_100 === null ? '' : `, quy về thang 100: ${formatPoints(total.score_100)} — xếp loại ${total.band ?? 'không xếp loại'}`),
  )
  if (!total.complete) lines.push(`Chưa có dữ liệu: ${total.missing.join(', ')} (chưa chấm, không tính vào điểm có thể chấm)`)
  if (report.what_if.length > 0) {
    lines.push('', 'Nơi có thể tăng điểm:')
    for (const option of report.what_if.slice(0, 5)) {
      lines.push(`  ${option.first_point ? `${option.first_point.sentence}; ` : ''}${option.to_full.sentence}`)
    }
  }
  lines.push('', 'Nguồn số liệu:', ...Object.entries(report.sources).map(([id, text]) => `  ${id}: ${text}`))
  return lines.join('\n')
}

export const index766Command: Command = {
  name: 'index',
  usage: 'cli -- index --unit CODE --period 2023-Q3|2023-09|2023 [--current-units] [--by-decider] [--json] [--data DIR]',
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { unit: { type: 'string' }, period: { type: 'string' }, 'current-units': { type: 'boolean' }, 'by-decider': { type: 'boolean' }, json: { type: 'boolean' } }, this.usage)
    if (positionals.length > 0) throw usageError(`Thừa tham số: ${positionals.join(' ')}`, this.usage)
    if (!values.unit) throw usageError('Thiếu --unit (mã đơn vị)', this.usage)
    if (!values.period) throw usageError('Thiếu --period (2023-Q3, 2023-09 hoặc 2023)', this.usage)
    const handle = await context.database()
    const report = await computeIndex(handle.db, { unitCode: values.unit, period: values.period, tree: values['current-units'] ? 'current' : 'period', attribution: values['by-decider'] ? 'decider' : 'receiver' })
    context.stdout(values.json ? JSON.stringify(report, null, 2) : renderTable(report))
    return 0
  },
}
