import { INDICATORS } from '../../domain/indicators/indicator-id.js'
import type { Target } from '../../domain/indicators/target.js'
import { formatPercent } from '../../domain/format/vietnamese-numbers.js'
import { targetsOfYear } from '../../modules/indicators/targets.repository.js'
import { importTargets } from '../../modules/targets/import-targets.js'
import { setTarget } from '../../modules/targets/set-target.js'
import { parseTargetIndicator, parseTargetMinimum, parseTargetScope, parseTargetUnitKind, parseTargetYear } from '../../modules/targets/target-values.js'
import type { Parsed } from '../../modules/import/value-parsers.js'
import type { Command } from '../command.js'
import { reportingJsonErrors } from '../json-errors.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- targets import FILE [--json]
       cli -- targets set --indicator CHỈ_SỐ --year YYYY (--kind commune|district|… | --unit MÃ) [--scope subtree|own] --value PHẦN_TRĂM --decision "VĂN BẢN GIAO" [--json]
       cli -- targets list --year YYYY [--json]`

function option<T>(name: string, raw: string | undefined, parse: (raw: string) => Parsed<T>): T {
  if (raw === undefined || raw.trim() === '') throw usageError(`Thiếu --${name}`, USAGE)
  const parsed = parse(raw)
  if (!parsed.ok) throw usageError(`--${name} không hợp lệ (${raw}): ${parsed.reason}`, USAGE)
  return parsed.value
}

function describeTarget(t: Target): string {
  const who = t.unitCode ?? `mọi đơn vị loại ${t.unitKind}`
  return `${INDICATORS[t.indicator].label} năm ${t.year}, ${who} (${t.scope === 'own' ? 'riêng đơn vị' : 'toàn đơn vị'}): tối thiểu ${formatPercent(t.minimum)} — ${t.decidedBy}`
}

const SAVED_LABELS = { inserted: 'Đã thêm', updated: 'Đã sửa', unchanged: 'Không đổi' } as const

/** The province's targets without the API: from a file, one at a time, or listed. */
export const targetsCommand: Command = {
  name: 'targets',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        indicator: { type: 'string' }, year: { type: 'string' }, kind: { type: 'string' }, unit: { type: 'string' },
        scope: { type: 'string' }, value: { type: 'string' }, decision: { type: 'string' }, json: { type: 'boolean' },
      },
      USAGE,
    )
    const [action, ...rest] = positionals
    const json = values.json ?? false
    switch (action) {
      case 'import': {
        const [path, ...extra] = rest
        if (!path) throw usageError('Thiếu đường dẫn tệp', USAGE)
        if (extra.length > 0) throw usageError(`Thừa tham số: ${extra.join(' ')}`, USAGE)
        const handle = await context.database()
        const summary = await reportingJsonErrors(json, context, { kind: 'targets', file: path }, () => importTargets(handle, path, { ignoreUnknown: false, actor: context.actor }))
        context.stderr(`Nhập chỉ tiêu từ ${path}: đọc ${summary.read} dòng; thêm mới ${summary.inserted}, cập nhật ${summary.updated}, không đổi ${summary.unchanged}.`)
        if (json) context.stdout(JSON.stringify(summary))
        return 0
      }
      case 'set': {
        if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, USAGE)
        if ((values.kind === undefined) === (values.unit === undefined)) throw usageError('Ghi đúng một trong --kind (loại đơn vị) hoặc --unit (mã đơn vị)', USAGE)
        const target: Target = {
          indicator: option('indicator', values.indicator, parseTargetIndicator),
          year: option('year', values.year, parseTargetYear),
          unitKind: values.kind === undefined ? null : option('kind', values.kind, parseTargetUnitKind),
          unitCode: values.unit?.trim() || null,
          scope: values.scope === undefined ? 'subtree' : option('scope', values.scope, parseTargetScope),
          minimum: option('value', values.value, parseTargetMinimum),
          decidedBy: values.decision ?? '',
        }
        const handle = await context.database()
        const saved = await reportingJsonErrors(json, context, { kind: 'target' }, () => setTarget(handle.db, target, { actor: context.actor }))
        context.stderr(`${SAVED_LABELS[saved]} chỉ tiêu: ${describeTarget(target)}`)
        if (json) context.stdout(JSON.stringify({ ok: true, result: saved, target }))
        return 0
      }
      case 'list': {
        const year = option('year', values.year, parseTargetYear)
        const handle = await context.database()
        const targets = await targetsOfYear(handle.db, year)
        if (json) context.stdout(JSON.stringify(targets))
        else if (targets.length === 0) context.stdout(`Chưa có chỉ tiêu nào cho năm ${year}.`)
        else for (const t of targets) context.stdout(describeTarget(t))
        return 0
      }
      default:
        throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (import, set, list)`, USAGE)
    }
  },
}
