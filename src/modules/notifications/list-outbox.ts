import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

export type OutboxStatus = 'pending' | 'sent' | 'failed'

export interface OutboxEntry {
  id: number
  channel: 'email' | 'sms'
  recipient: string
  subject: string
  topic: string
  status: OutboxStatus
  attempts: number
  lastError: string | null
  createdAt: Date
  sentAt: Date | null
}

/** The newest messages first, optionally of one status: what an administrator checks when someone says "I was never told". */
export async function listOutbox(db: Kysely<Database>, filter: { status?: OutboxStatus; limit?: number } = {}): Promise<OutboxEntry[]> {
  let query = db.selectFrom('outbox_messages').select(['id', 'channel', 'recipient', 'subject', 'topic', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
  if (filter.status) query = query.where('status', '=', filter.status)
  const rows = await query.orderBy('id', 'desc').limit(filter.limit ?? 100).execute()
  return rows.map((r) => ({
    id: Number(r.id), channel: r.channel, recipient: r.recipient, subject: r.subject, topic: r.topic, status: r.status,
    attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at,
  }))
}
