import { citeDocument, type CitedDocument } from '../../domain/reports/cited-documents.js'
import { isLocalDate } from '../../domain/time/local-date.js'
import { listCitedDocuments } from '../../modules/letters/cited-documents.repository.js'
import { addCitedDocument, removeCitedDocument } from '../../modules/letters/save-cited-document.js'
import type { Command } from '../command.js'
import { reportingJsonErrors } from '../json-errors.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const REFERENCES_USAGE = `cli -- references add --unit MÃ --topic CHỦ_ĐỀ --year YYYY --type "Kế hoạch" --number SỐ/KÝ-HIỆU --date YYYY-MM-DD --issuer "UBND tỉnh …" [--about "về …"] [--position N] [--json]
       cli -- references list --unit MÃ [--topic CHỦ_ĐỀ] [--year YYYY] [--json]
       cli -- references remove ID`

const LETTERS_USAGE = `cli -- letters record --unit MÃ --number SỐ/KÝ-HIỆU --date YYYY-MM-DD --topic CHỦ_ĐỀ [--type "Công văn"] [--about "V/v …"] [--json]`

const OPTIONS = {
  unit: { type: 'string' }, topic: { type: 'string' }, year: { type: 'string' }, type: { type: 'string' }, number: { type: 'string' },
  date: { type: 'string' }, issuer: { type: 'string' }, about: { type: 'string' }, position: { type: 'string' }, json: { type: 'boolean' },
} as const

function required(name: string, value: string | undefined, usage: string): string {
  if (value === undefined || value.trim() === '') throw usageError(`Thiếu --${name}`, usage)
  return value
}

function dateOption(value: string | undefined, usage: string): string {
  const date = required('date', value, usage)
  if (!isLocalDate(date)) throw usageError(`--date không hợp lệ: ${date} (dạng YYYY-MM-DD, ngày có thật)`, usage)
  return date
}

function integerOption(name: string, value: string | undefined, usage: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) throw usageError(`--${name} phải là số nguyên: ${value}`, usage)
  return Number(value)
}

/** The plans, decisions and earlier letters a unit's letters cite, per topic and year. */
export const referencesCommand: Command = {
  name: 'references',
  usage: REFERENCES_USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, REFERENCES_USAGE)
    const [action, ...rest] = positionals
    const handle = await context.database()
    switch (action) {
      case 'add': {
        const doc: CitedDocument = {
          topic: required('topic', values.topic, REFERENCES_USAGE),
          year: integerOption('year', required('year', values.year, REFERENCES_USAGE), REFERENCES_USAGE)!,
          role: 'basis',
          docType: required('type', values.type, REFERENCES_USAGE),
          number: required('number', values.number, REFERENCES_USAGE),
          issuedOn: dateOption(values.date, REFERENCES_USAGE),
          issuer: values.issuer ?? '',
          about: values.about ?? '',
          position: integerOption('position', values.position, REFERENCES_USAGE) ?? 0,
        }
        const unit = required('unit', values.unit, REFERENCES_USAGE)
        const saved = await reportingJsonErrors(values.json ?? false, context, { kind: 'reference' }, () => addCitedDocument(handle.db, unit, doc, context.actor))
        context.stderr(`${saved.inserted ? 'Đã thêm' : 'Đã sửa'} (số thứ tự ${saved.id}): ${citeDocument(doc)}`)
        if (values.json) context.stdout(JSON.stringify({ ok: true, id: saved.id, inserted: saved.inserted }))
        return 0
      }
      case 'list': {
        const docs = await listCitedDocuments(handle.db, required('unit', values.unit, REFERENCES_USAGE), { topic: values.topic, year: integerOption('year', values.year, REFERENCES_USAGE) })
        if (values.json) context.stdout(JSON.stringify(docs))
        else if (docs.length === 0) context.stdout('Chưa có văn bản nào.')
        else for (const d of docs) context.stdout(`${d.id}\t${d.year}\t${d.topic}\t${d.role === 'letter' ? 'văn bản đã gửi' : 'căn cứ'}\t${citeDocument(d)}`)
        return 0
      }
      case 'remove': {
        const id = integerOption('ID', rest[0], REFERENCES_USAGE)
        if (id === undefined) throw usageError('Thiếu số thứ tự văn bản (xem references list)', REFERENCES_USAGE)
        await removeCitedDocument(handle.db, id, context.actor)
        context.stderr(`Đã bỏ văn bản số thứ tự ${id}.`)
        return 0
      }
      default:
        throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (add, list, remove)`, REFERENCES_USAGE)
    }
  },
}

/** `letters record`: an outgoing letter's number and date, so the next letter on the topic cites it. */
export const lettersCommand: Command = {
  name: 'letters',
  usage: LETTERS_USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, OPTIONS, LETTERS_USAGE)
    const [action, ...rest] = positionals
    if (action !== 'record') throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (record)`, LETTERS_USAGE)
    if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, LETTERS_USAGE)
    const issuedOn = dateOption(values.date, LETTERS_USAGE)
    const doc: CitedDocument = {
      topic: required('topic', values.topic, LETTERS_USAGE),
      year: Number(issuedOn.slice(0, 4)),
      role: 'letter',
      docType: values.type ?? 'Công văn',
      number: required('number', values.number, LETTERS_USAGE),
      issuedOn,
      issuer: '',
      about: values.about ?? '',
      position: 0,
    }
    const unit = required('unit', values.unit, LETTERS_USAGE)
    const handle = await context.database()
    const saved = await reportingJsonErrors(values.json ?? false, context, { kind: 'letter' }, () => addCitedDocument(handle.db, unit, doc, context.actor))
    context.stderr(`Đã ghi ${citeDocument(doc, false)} (chủ đề ${doc.topic}): công văn tiếp theo cùng chủ đề sẽ dẫn chiếu văn bản này.`)
    if (values.json) context.stdout(JSON.stringify({ ok: true, id: saved.id, inserted: saved.inserted }))
    return 0
  },
}
