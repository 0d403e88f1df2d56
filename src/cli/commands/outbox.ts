import { formatVietnamDateTime } from '../../domain/format/vietnam-date-time.js'
import { configuredTransports } from '../../modules/notifications/configured-transports.js'
import { deliverDueMessages } from '../../modules/notifications/deliver-outbox.js'
import { listOutbox, type OutboxStatus } from '../../modules/notifications/list-outbox.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- outbox list [--status pending|sent|failed] [--limit N] [--json]
       cli -- outbox deliver`
const STATUSES: readonly OutboxStatus[] = ['pending', 'sent', 'failed']
const STATUS_LABELS: Record<OutboxStatus, string> = { pending: 'chờ gửi', sent: 'đã gửi', failed: 'gửi không được' }

/** Hộp thư đi: the e-mail and SMS motcua has sent or is still trying to send. */
export const outboxCommand: Command = {
  name: 'outbox',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(args, { status: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } }, USAGE)
    const [action, ...rest] = positionals
    if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, USAGE)
    const handle = await context.database()
    if (action === 'list') {
      const status = values.status as OutboxStatus | undefined
      if (status !== undefined && !STATUSES.includes(status)) throw usageError(`--status phải là ${STATUSES.join(', ')}`, USAGE)
      const limit = values.limit === undefined ? 100 : Number(values.limit)
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw usageError(`--limit phải là số nguyên từ 1 đến 10000`, USAGE)
      const entries = await listOutbox(handle.db, { ...(status ? { status } : {}), limit })
      if (values.json) context.stdout(JSON.stringify(entries))
      else
        for (const e of entries)
          context.stdout(`${e.id}\t${formatVietnamDateTime(e.createdAt)}\t${e.channel === 'email' ? 'thư' : 'SMS'}\t${e.recipient}\t${STATUS_LABELS[e.status]}${e.lastError ? ` (${e.attempts} lần; lỗi: ${e.lastError})` : ''}\t${e.subject || e.topic}`)
      return 0
    }
    if (action === 'deliver') {
      const run = await deliverDueMessages(handle.db, configuredTransports(context.config))
      context.stderr(`Đã gửi ${run.sent}, sẽ gửi lại ${run.retried}, không gửi được ${run.failed}.`)
      return run.failed > 0 ? 1 : 0
    }
    throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (list, deliver)`, USAGE)
  },
}
