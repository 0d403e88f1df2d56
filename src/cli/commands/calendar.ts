import { CalendarDayKind } from '../../domain/calendar/calendar-day.js'
import { computeDueAt } from '../../domain/calendar/deadline.js'
import { hasOfficialDays } from '../../domain/calendar/vietnam-official-days.js'
import { formatVietnamIso } from '../../domain/format/vietnam-iso.js'
import { parseIsoDate, dayOfWeek } from '../../domain/time/local-date.js'
import { editCalendar, yearOrigin } from '../../modules/calendar/edit-calendar.js'
import { loadCalendarDays, loadWorkingCalendar } from '../../modules/calendar/load-working-calendar.js'
import { parseNonNegativeDecimal, parseTime } from '../../modules/import/value-parsers.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- calendar [--year YYYY] [--json]
       cli -- calendar add-holiday YYYY-MM-DD --name TÊN [--source VĂN_BẢN]
       cli -- calendar add-workday YYYY-MM-DD --name TÊN [--source VĂN_BẢN]
       cli -- calendar remove YYYY-MM-DD
       cli -- calendar reset --year YYYY
       cli -- calendar due THỜI_ĐIỂM_TIẾP_NHẬN SỐ_NGÀY [--cutoff HH:MM]`

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']
const ORIGIN_LABELS = { edited: 'đã được quản trị viên chỉnh sửa', official: 'theo thông báo chính thức', computed: 'tính theo Bộ luật Lao động (chưa có thông báo)' }

function localDate(text: string | undefined): string {
  if (!text) throw usageError('Thiếu ngày (YYYY-MM-DD)', USAGE)
  try {
    return parseIsoDate(text)
  } catch {
    throw usageError(`Ngày không hợp lệ: ${text}`, USAGE)
  }
}

function year(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1900 || value > 2200) throw usageError(`Năm không hợp lệ: ${text}`, USAGE)
  return value
}

export const calendarCommand: Command = {
  name: 'calendar',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { year: { type: 'string' }, json: { type: 'boolean' }, name: { type: 'string' }, source: { type: 'string' }, cutoff: { type: 'string' } },
      USAGE,
    )
    const [action, ...rest] = positionals
    const handle = await context.database()
    const editor = context.actor
    switch (action) {
      case undefined: {
        const y = year(values.year, new Date().getFullYear())
        const days = [...(await loadCalendarDays(handle.db))(y)].sort((a, b) => a.date.localeCompare(b.date))
        const origin = await yearOrigin(handle.db, y, hasOfficialDays)
        if (values.json) {
          context.stdout(JSON.stringify({ year: y, origin, days }))
          return 0
        }
        context.stdout(`Lịch năm ${y} (${ORIGIN_LABELS[origin]}):`)
        for (const day of days) {
          const [yy, mm, dd] = day.date.split('-')
          const kind = day.kind === CalendarDayKind.holiday ? 'nghỉ' : 'làm bù'
          context.stdout(`  ${WEEKDAYS[dayOfWeek(day.date)]} ${Number(dd)}/${Number(mm)}/${yy}  ${kind.padEnd(6)}  ${day.name}  — ${day.source}`)
        }
        return 0
      }
      case 'add-holiday':
      case 'add-workday': {
        const date = localDate(rest[0])
        if (!values.name?.trim()) throw usageError('Thiếu --name (tên ngày nghỉ hoặc ngày làm bù)', USAGE)
        const kind = action === 'add-holiday' ? CalendarDayKind.holiday : CalendarDayKind.workday
        await editCalendar(handle.db, { action: 'set', date, kind, name: values.name.trim(), source: values.source?.trim() || editor }, editor)
        context.stderr(`Đã ghi ${date}: ${kind === 'holiday' ? 'ngày nghỉ' : 'ngày làm việc'} "${values.name.trim()}".`)
        return 0
      }
      case 'remove': {
        const date = localDate(rest[0])
        await editCalendar(handle.db, { action: 'remove', date }, editor)
        context.stderr(`Đã bỏ ${date} khỏi lịch (trở lại quy tắc thứ Hai – thứ Sáu).`)
        return 0
      }
      case 'reset': {
        if (!values.year) throw usageError('Thiếu --year', USAGE)
        const y = year(values.year, 0)
        await editCalendar(handle.db, { action: 'reset', year: y }, editor)
        context.stderr(`Năm ${y} trở lại lịch có sẵn.`)
        return 0
      }
      case 'due': {
        const received = parseTime(rest[0] ?? '')
        if (!received.ok) throw usageError(`Thời điểm tiếp nhận không hợp lệ: ${received.reason}`, USAGE)
        const days = parseNonNegativeDecimal(rest[1] ?? '')
        if (!days.ok) throw usageError(`Số ngày làm việc không hợp lệ: ${days.reason}`, USAGE)
        if (values.cutoff !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(values.cutoff)) throw usageError(`Giờ tiếp nhận cuối ngày không hợp lệ: ${values.cutoff}`, USAGE)
        const calendar = await loadWorkingCalendar(handle.db)
        const due = computeDueAt(calendar, { receivedAt: received.value, processingDays: days.value, ...(values.cutoff ? { cutoff: values.cutoff } : {}) })
        context.stdout(formatVietnamIso(due))
        return 0
      }
      default:
        throw usageError(`Lệnh calendar không hợp lệ: ${action}`, USAGE)
    }
  },
}
