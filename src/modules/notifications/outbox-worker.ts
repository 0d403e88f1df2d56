import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { deliverDueMessages, type DeliveryRun } from './deliver-outbox.js'
import type { MessageTransports } from './message-transports.js'

export interface OutboxWorker {
  /** One delivery pass now (also what the timer runs); passes never overlap. */
  runOnce(): Promise<DeliveryRun>
  stop(): Promise<void>
}

/** Delivers the outbox every `intervalSeconds` while the server runs. */
export function startOutboxWorker(db: Kysely<Database>, transports: MessageTransports, intervalSeconds: number, onError: (error: unknown) => void): OutboxWorker {
  let running: Promise<DeliveryRun> | null = null
  const runOnce = () => {
    running ??= deliverDueMessages(db, transports).finally(() => {
      running = null
    })
    return running
  }
  const timer = setInterval(() => {
    runOnce().catch(onError)
  }, intervalSeconds * 1000)
  timer.unref()
  return {
    runOnce,
    async stop() {
      clearInterval(timer)
      await running?.catch(() => undefined)
      await Promise.all(Object.values(transports).map((t) => t?.close?.()))
    },
  }
}
