import { recurrenceLabel, parseRecurrence } from '../../domain/directives/recurrence.js'
import { letterDate } from '../../domain/reports/letter-dates.js'
import { isLocalDate } from '../../domain/time/local-date.js'
import { loadWorkingCalendar } from '../../modules/calendar/load-working-calendar.js'
import { listVisibleDirectives } from '../../modules/directives/directives.repository.js'
import { importDirectives } from '../../modules/directives/import/import-directives.js'
import { proposeTasksOfLetter } from '../../modules/directives/propose-letter-tasks.js'
import { recordDirective } from '../../modules/directives/record-directive.js'
import { searchDirectives } from '../../modules/directives/search-directives.js'
import { getUnitByCode, subtreeOf } from '../../modules/units/units.repository.js'
import type { Command } from '../command.js'
import { reportingJsonErrors } from '../json-errors.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- directives list --unit MÃ [--search CỤM-TỪ] [--json]
       cli -- directives import FILE --unit MÃ [--ignore-unknown] [--json]
       cli -- directives record-letter --unit MÃ --from YYYY-MM-DD --to YYYY-MM-DD --number SỐ/KÝ-HIỆU [--date YYYY-MM-DD] [--confirm] [--json]`

const OPTIONS = {
  unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, date: { type: 'string' }, number: { type: 'string' },
  confirm: { type: 'boolean' }, json: { type: 'boolean' }, 'ignore-unknown': { type: 'boolean' }, search: { type: 'string' },
} as const

function dateOption(name: string, value: string | undefined, required: boolean): string | undefined {
  if (value === undefined) {
    if (required) throw usageError(`Thiếu --${name}`, USAGE)
    return undefined
  }
  if (!isLocalDate(value)) throw usageError(`--${name} không hợp lệ: ${value} (dạng YYYY-MM-DD)`, USAGE)
  return value
}

/** Văn bản chỉ đạo: list, import from CSV/XLSX, and record a generated letter with the tasks it orders. */
export const directivesCommand: Command = {
  name: 'directives',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, USAGE)
    const [action, ...rest] = positionals
    if (!values.unit) throw usageError('Thiếu --unit', USAGE)
    const unitCode = values.unit
    const json = values.json ?? false
    const handle = await context.database()
    if (action === 'list') {
      const unit = await getUnitByCode(handle.db, unitCode)
      const scope = await subtreeOf(handle.db, unit.id)
      // --search: by number, subject, issuer or the scan's recognised text, typed with or without diacritics.
      const search = values.search
      const list = search !== undefined
        ? await reportingJsonErrors(json, context, { kind: 'directives' }, () => searchDirectives(handle.db, scope, search, {}, { actor: context.actor, ip: null }))
        : (await listVisibleDirectives(handle.db, scope)).map((d) => ({ ...d, snippet: null }))
      if (json) context.stdout(JSON.stringify(list, null, 2))
      else for (const d of list) context.stdout(`${d.id}\t${d.direction === 'outgoing' ? 'đi' : 'đến'}\t${d.docType} số ${d.number} ngày ${letterDate(d.issuedOn)}\t${d.issuer}\t${d.subject}${d.snippet ? `\t…${d.snippet}…` : ''}`)
      return 0
    }
    if (action === 'import') {
      const [file, ...more] = rest
      if (!file || more.length > 0) throw usageError('Ghi đúng một tệp CSV hoặc XLSX', USAGE)
      const summary = await reportingJsonErrors(json, context, { kind: 'directives', file }, async () =>
        importDirectives(handle, file, unitCode, { ignoreUnknown: values['ignore-unknown'] ?? false, actor: context.actor, calendar: await loadWorkingCalendar(handle.db) }),
      )
      if (json) context.stdout(JSON.stringify({ ok: true, ...summary }))
      else context.stderr(`Đã ghi ${summary.directives} văn bản chỉ đạo, ${summary.tasks} nhiệm vụ từ ${summary.read} dòng của ${file}.`)
      return 0
    }
    if (action === 'record-letter') {
      const from = dateOption('from', values.from, true)!
      const to = dateOption('to', values.to, true)!
      const date = dateOption('date', values.date, false)
      if (!values.number) throw usageError('Thiếu --number (số, ký hiệu công văn đã cấp)', USAGE)
      const number = values.number
      const proposal = await reportingJsonErrors(json, context, { kind: 'directive' }, () => proposeTasksOfLetter(handle.db, { kind: 'letter', unitCode, from, to, date }))
      const unit = await getUnitByCode(handle.db, unitCode)
      const lines = proposal.tasks.map((t, i) => `${i + 1}. ${t.title}\n   Thực hiện: ${t.assignees.join(', ')}; theo dõi: ${t.monitor}; ${recurrenceLabel(parseRecurrence(t.recurrence)!, t.dueOn)}`)
      if (!values.confirm) {
        if (json) context.stdout(JSON.stringify({ ok: true, recorded: false, ...proposal }, null, 2))
        else context.stdout([`Công văn số ${number} ngày ${letterDate(proposal.letterDate)} giao ${proposal.tasks.length} nhiệm vụ:`, ...lines, 'Thêm --confirm để ghi văn bản đi và các nhiệm vụ này.'].join('\n'))
        return 0
      }
      const id = await reportingJsonErrors(json, context, { kind: 'directive' }, async () =>
        recordDirective(
          handle.db,
          null,
          {
            unitCode,
            directive: { direction: 'outgoing', docType: 'Công văn', number, issuedOn: proposal.letterDate, issuer: `UBND ${unit.name.replace(/^Huyện/u, 'huyện')}`, subject: proposal.subject, topic: proposal.topic },
            citedDocumentIds: [],
            tasks: proposal.tasks,
            actor: context.actor,
          },
          await loadWorkingCalendar(handle.db),
        ),
      )
      if (json) context.stdout(JSON.stringify({ ok: true, recorded: true, id, ...proposal }, null, 2))
      else context.stderr(`Đã ghi văn bản đi số thứ tự ${id} (Công văn số ${number}) với ${proposal.tasks.length} nhiệm vụ; công văn sau cùng chủ đề sẽ dẫn chiếu công văn này.`)
      return 0
    }
    throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (list, import, record-letter)`, USAGE)
  },
}
