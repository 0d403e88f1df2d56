import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds, type MessageChannel } from '../../domain/notifications/outgoing-message.js'
import type { MessageTransports } from './message-transports.js'

export interface DeliveryRun {
  sent: number
  retried: number
  failed: number
}

// A claimed message is not claimed again for this long, so a worker that died mid-send is retried.
const CLAIM_SECONDS = 300

/**
 * Sends the due messages of the channels that have a transport. Messages are claimed in a short
 * transaction (skip locked: two servers on one database never send the same message), then sent
 * outside any transaction, then marked sent — or given a later attempt with the reason, and
 * marked failed after the last attempt.
 */
export async function deliverDueMessages(db: Kysely<Database>, transports: MessageTransports, batchSize = 50): Promise<DeliveryRun> {
  const channels = (Object.keys(transports) as MessageChannel[]).filter((c) => transports[c] !== undefined)
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 }
  if (channels.length === 0) return run
  const claimed = await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbox_messages')
      .select(['id', 'channel', 'recipient', 'subject', 'body', 'attempts'])
      .where('status', '=', 'pending')
      .where('channel', 'in', channels)
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute()
    if (due.length > 0) {
      await trx
        .updateTable('outbox_messages')
        .set({ next_attempt_at: sql<Date>`now() + make_interval(secs => ${CLAIM_SECONDS})` })
        .where('id', 'in', due.map((m) => m.id))
        .execute()
    }
    return due
  })
  for (const message of claimed) {
    const transport = transports[message.channel]!
    try {
      await transport.send({ id: Number(message.id), recipient: message.recipient, subject: message.subject, body: message.body })
      await db.updateTable('outbox_messages').set({ status: 'sent', sent_at: sql<Date>`now()`, attempts: message.attempts + 1, last_error: null }).where('id', '=', message.id).execute()
      run.sent += 1
    } catch (error) {
      const attempts = message.attempts + 1
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
      const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS
      await db
        .updateTable('outbox_messages')
        .set({
          attempts,
          last_error: reason,
          status: giveUp ? 'failed' : 'pending',
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${retryDelaySeconds(attempts)})`,
        })
        .where('id', '=', message.id)
        .execute()
      if (giveUp) run.failed += 1
      else run.retried += 1
    }
  }
  return run
}
