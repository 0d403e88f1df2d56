import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { foldForSearch } from '../../domain/text/aligned-fold.js'

/** A job taken by a worker, with what it needs to read the file. */
export interface ClaimedJob {
  id: string
  file_id: string
  sha256: string
  media_type: string
}

/** A job still "running" this long after it started belonged to a process that died: it is queued again. */
const STALE_AFTER = '15 minutes'

/**
 * Takes the oldest queued job, marking it running in the same statement; SKIP LOCKED lets two
 * workers (two servers on one PostgreSQL) take different jobs.
 */
export async function claimNextJob(db: Kysely<Database>): Promise<ClaimedJob | null> {
  const { rows } = await sql<ClaimedJob>`
    with taken as (
      update ocr_jobs set status = 'running', attempts = attempts + 1, started_at = now(), finished_at = null, error = null
      where id = (select id from ocr_jobs where status = 'queued' order by id limit 1 for update skip locked)
      returning id, file_id
    )
    select taken.id::text as id, taken.file_id::text as file_id, f.sha256, f.media_type from taken join files f on f.id = taken.file_id
  `.execute(db)
  return rows[0] ?? null
}

/** The text and the job's end, together. */
export async function completeJob(db: Kysely<Database>, job: ClaimedJob, recognised: { text: string; pages: number; engine: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const values = { text: recognised.text, folded: foldForSearch(recognised.text), pages: recognised.pages, engine: recognised.engine }
    await trx
      .insertInto('file_texts')
      .values({ file_id: job.file_id, ...values })
      .onConflict((oc) => oc.column('file_id').doUpdateSet({ ...values, recognized_at: sql<Date>`now()` }))
      .execute()
    await trx.updateTable('ocr_jobs').set({ status: 'done', finished_at: sql<Date>`now()`, error: null }).where('id', '=', job.id).execute()
  })
}

export async function failJob(db: Kysely<Database>, jobId: string, reason: string): Promise<void> {
  await db.updateTable('ocr_jobs').set({ status: 'failed', finished_at: sql<Date>`now()`, error: reason.slice(0, 1000) }).where('id', '=', jobId).execute()
}

/** Jobs left running by a process that stopped mid-way go back to the queue. */
export async function requeueStaleJobs(db: Kysely<Database>): Promise<number> {
  const result = await sql`update ocr_jobs set status = 'queued', started_at = null where status = 'running' and started_at < now() - ${STALE_AFTER}::interval`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/** Failed jobs queued again (after tesseract was installed, say). */
export async function requeueFailedJobs(db: Kysely<Database>): Promise<number> {
  const result = await db.updateTable('ocr_jobs').set({ status: 'queued', error: null, started_at: null, finished_at: null }).where('status', '=', 'failed').executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** How the queue stands: jobs per status. */
export async function countJobs(db: Kysely<Database>): Promise<Record<string, number>> {
  const rows = await db.selectFrom('ocr_jobs').select(['status', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('status').execute()
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]))
}
