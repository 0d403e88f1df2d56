import { sql } from 'kysely'
import type { DatabaseHandle } from '../../../db/open-database.js'
import type { StagedDossier } from './resolve-dossier.js'
import { DOSSIER_FLAG_COLUMNS, type DossierFlagColumn } from '../../../domain/dossiers/dossier-flags.js'
import { stagingLine } from './staging-line.js'
import { writeAudit } from '../../audit/write-audit.js'

const STAGING_COLUMNS = [
  'run_id', 'line', 'code', 'receiving_unit_id', 'procedure_id', 'procedure_version_id', 'channel', 'status', 'received_at', 'due_at',
  'finished_at', 'returned_at', 'components_total', 'components_digitized', 'result_digitized', 'fee_vnd', 'paid_online', 'ecert_copies', 'rating',
  ...DOSSIER_FLAG_COLUMNS,
  'deciding_unit_id',
] as const

/**
 * The dossier columns an import owns; a difference in any of them is an update. The optional
 * Decision 766 columns join them only when the file has them: a file without them leaves what
 * is stored (the desk's or an earlier file's) as it is.
 */
const MERGED = [
  'receiving_unit_id', 'procedure_id', 'procedure_version_id', 'channel', 'status', 'received_at', 'due_at', 'finished_at', 'returned_at',
  'components_total', 'components_digitized', 'result_digitized', 'fee_vnd', 'paid_online', 'ecert_copies', 'rating',
] as const

/** A run older than this with no heartbeat died (killed, power cut): its staging rows are dropped. */
const STALE_AFTER = '15 minutes'

export interface MergeCounts {
  inserted: number
  updated: number
  unchanged: number
}

/**
 * One import of dossiers: rows are COPYed into a staging table as the file streams, then
 * merged set-wise in one transaction. A run killed half-way leaves only staging rows, which
 * the next run drops: the dossiers are as they were, and the re-run completes the import.
 */
export class DossierImportRun {
  private constructor(
    private readonly handle: DatabaseHandle,
    readonly id: string,
    /** The optional flag columns this run brings; the others are left as stored. */
    private readonly flagColumns: readonly DossierFlagColumn[],
  ) {}

  static async start(handle: DatabaseHandle, fileName: string, flagColumns: readonly DossierFlagColumn[] = []): Promise<DossierImportRun> {
    const { db } = handle
    // The embedded database is locked to this process: any unfinished run is a dead one.
    const staleAfter = handle.kind === 'pglite' ? '0 seconds' : STALE_AFTER
    await sql`
      update import_runs set status = 'failed', finished_at = now()
      where status in ('staging', 'merging') and heartbeat_at <= now() - ${staleAfter}::interval
    `.execute(db)
    await sql`delete from import_dossier_rows where run_id not in (select id from import_runs where status in ('staging', 'merging'))`.execute(db)
    const run = await db
      .insertInto('import_runs')
      .values({ kind: 'dossiers', file_name: fileName, status: 'staging', summary: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow()
    return new DossierImportRun(handle, String(run.id), flagColumns)
  }

  async stage(rows: readonly StagedDossier[]): Promise<void> {
    if (rows.length === 0) return
    let csv = ''
    for (const row of rows) csv += stagingLine(this.id, row)
    await this.stageCsv(csv)
  }

  /** Lines made by `stagingLine` for this run (by the parse workers), COPYed as they are. */
  async stageCsv(csv: string): Promise<void> {
    if (csv === '') return
    await this.handle.copyCsv('import_dossier_rows', STAGING_COLUMNS, csv)
    await sql`update import_runs set heartbeat_at = now() where id = ${this.id}`.execute(this.handle.db)
  }

  /** Codes given on more than one row of the file: every row after the first is an error. */
  async duplicates(limit: number): Promise<{ code: string; firstLine: number; line: number }[]> {
    const { rows } = await sql<{ code: string; first_line: number; line: number }>`
      select code, first_line, line from (
        select code, line, min(line) over (partition by code) as first_line from import_dossier_rows where run_id = ${this.id}
      ) numbered
      where line > first_line
      order by line
      limit ${limit}
    `.execute(this.handle.db)
    return rows.map((r) => ({ code: r.code, firstLine: r.first_line, line: r.line }))
  }

  async countDuplicates(): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*) - count(distinct code) as n from import_dossier_rows where run_id = ${this.id}
    `.execute(this.handle.db)
    return Number(rows[0]?.n ?? 0)
  }

  /** Keeps the first row of each duplicated code (--skip-invalid). */
  async dropDuplicates(): Promise<void> {
    await sql`
      delete from import_dossier_rows s using import_dossier_rows first
      where s.run_id = ${this.id} and first.run_id = ${this.id} and first.code = s.code and first.line < s.line
    `.execute(this.handle.db)
  }

  /** `actor` is written on the history events; `auditActor` (who ran it) on the audit row. */
  async merge(actor: string, auditActor?: string, now = new Date()): Promise<MergeCounts> {
    const run = this.id
    const merged = [...MERGED, ...this.flagColumns]
    return this.handle.db.transaction().execute(async (trx) => {
      // The rollup triggers group the whole file by (unit, day): room for that in memory, not on disk.
      await sql`set local work_mem = '128MB'`.execute(trx)
      await sql`update import_runs set status = 'merging', heartbeat_at = now() where id = ${run}`.execute(trx)
      const staged = await sql<{ n: number }>`select count(*) as n from import_dossier_rows where run_id = ${run}`.execute(trx)
      // A changed status is an event in the dossier's history, written before the row changes.
      await sql`
        insert into dossier_events (dossier_id, seq, type, at, actor, status_after, data)
        select d.id,
          coalesce((select max(e.seq) from dossier_events e where e.dossier_id = d.id), 0) + 1,
          'status_synced',
          greatest(s.received_at, case
            when s.status in ('finished', 'rejected', 'withdrawn') then coalesce(s.finished_at, ${now})
            when s.status = 'returned' then coalesce(s.returned_at, s.finished_at, ${now})
            else ${now} end),
          ${actor}, s.status,
          jsonb_build_object('from', d.status, 'import_run', ${run}::bigint, 'finished_at', s.finished_at, 'returned_at', s.returned_at)
        from dossiers d join import_dossier_rows s on s.code = d.code and s.run_id = ${run}
        where d.status <> s.status
      `.execute(trx)
      const changed = await sql`
        update dossiers d set ${sql.join(merged.map((c) => sql`${sql.ref(c)} = s.${sql.ref(c)}`))},
          deciding_unit_id = coalesce(s.deciding_unit_id, d.deciding_unit_id), updated_at = now()
        from import_dossier_rows s
        where s.run_id = ${run} and s.code = d.code
          and (${sql.join(merged.map((c) => sql`d.${sql.ref(c)}`))}, d.deciding_unit_id)
            is distinct from (${sql.join(merged.map((c) => sql`s.${sql.ref(c)}`))}, coalesce(s.deciding_unit_id, d.deciding_unit_id))
      `.execute(trx)
      const inserted = await sql`
        with created as (
          insert into dossiers (code, deciding_unit_id, ${sql.join(merged.map((c) => sql.ref(c)))})
          select s.code, coalesce(s.deciding_unit_id, s.receiving_unit_id), ${sql.join(merged.map((c) => sql`s.${sql.ref(c)}`))}
          from import_dossier_rows s
          where s.run_id = ${run} and not exists (select 1 from dossiers d where d.code = s.code)
          order by s.line
          returning id, status, received_at, finished_at, returned_at
        )
        insert into dossier_events (dossier_id, seq, type, at, actor, status_after, data)
        select id, 1, 'imported', received_at, ${actor}, status,
          jsonb_build_object('import_run', ${run}::bigint, 'finished_at', finished_at, 'returned_at', returned_at)
        from created
      `.execute(trx)
      const counts: MergeCounts = {
        inserted: Number(inserted.numAffectedRows ?? 0),
        updated: Number(changed.numAffectedRows ?? 0),
        unchanged: 0,
      }
      counts.unchanged = Number(staged.rows[0]?.n ?? 0) - counts.inserted - counts.updated
      await sql`delete from import_dossier_rows where run_id = ${run}`.execute(trx)
      await sql`update import_runs set status = 'done', finished_at = now(), summary = ${JSON.stringify(counts)} where id = ${run}`.execute(trx)
      await writeAudit(trx, { actor: auditActor ?? actor, action: 'import.dossiers', entity: 'dossiers', entityId: run, summary: { ...counts } })
      return counts
    })
  }

  /** Nothing is written: the staging rows go, the run is marked failed. */
  async abandon(): Promise<void> {
    await sql`delete from import_dossier_rows where run_id = ${this.id}`.execute(this.handle.db)
    await sql`update import_runs set status = 'failed', finished_at = now() where id = ${this.id}`.execute(this.handle.db)
  }
}
