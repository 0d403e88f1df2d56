import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { isAppError } from '../../domain/shared/app-error.js'
import type { FileStore } from '../desk/file-store.js'
import { OcrFailure, type OcrEngine } from './ocr-engine.js'
import { claimNextJob, completeJob, failJob, requeueStaleJobs } from './ocr-jobs.repository.js'

export interface OcrWorkerOptions {
  /** How often the queue is looked at when it was empty (default 2 s). */
  pollMs?: number
  /** Errors of the worker itself (the database gone, say), not of a file: those are kept on the job. */
  onError?: (error: unknown) => void
}

/**
 * Reads queued files in the background, one at a time, beside the server: a request only queues
 * (the trigger on the upload's row), it never waits for OCR. A file that cannot be read fails its
 * job with the reason; the worker goes on with the next.
 */
export class OcrWorker {
  private timer: NodeJS.Timeout | null = null
  private busy: Promise<void> | null = null
  private stopped = false
  private readonly abort = new AbortController()

  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: FileStore,
    private readonly engine: OcrEngine,
    private readonly options: OcrWorkerOptions = {},
  ) {}

  /** Reads one queued file; false when the queue is empty. */
  async runOne(): Promise<boolean> {
    const job = await claimNextJob(this.db)
    if (!job) return false
    let recognised
    try {
      const bytes = await this.store.get(job.sha256)
      recognised = await this.engine.recognize({ bytes, mediaType: job.media_type }, this.abort.signal)
    } catch (error) {
      if (!(error instanceof OcrFailure) && !isAppError(error) && !this.abort.signal.aborted) this.options.onError?.(error)
      const reason = error instanceof OcrFailure ? error.message : isAppError(error) ? error.userMessage : this.abort.signal.aborted ? 'Máy chủ dừng khi đang đọc tệp' : `Lỗi khi đọc tệp: ${error instanceof Error ? error.message : String(error)}`
      await failJob(this.db, job.id, reason)
      return true
    }
    await completeJob(this.db, job, { ...recognised, engine: this.engine.name })
    return true
  }

  /** Reads every queued file, then returns how many were taken (tests, `cli -- ocr run`). */
  async drain(): Promise<number> {
    let taken = 0
    while (!this.stopped && (await this.runOne())) taken++
    return taken
  }

  start(): void {
    void requeueStaleJobs(this.db).catch((error: unknown) => this.options.onError?.(error))
    this.schedule(0)
  }

  /** Looks at the queue now rather than at the next poll (after an upload). */
  wake(): void {
    if (!this.stopped && this.busy === null) this.schedule(0)
  }

  private schedule(delay: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.tick(), delay)
    this.timer.unref()
  }

  private tick(): void {
    if (this.busy || this.stopped) return
    this.busy = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.busy = null
        this.schedule(this.options.pollMs ?? 2000)
      })
  }

  /** Stops polling, stops the file being read, and waits for the worker to let go of the database. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.abort.abort()
    await this.busy
  }
}
