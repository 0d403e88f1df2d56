import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * Whether a procedure version's fee can be paid online through the payment platform (tích hợp
 * thanh toán trực tuyến): indicator 3.5 of the Decision 766 index, part B. A fact about the
 * version, like its publication (migration 007); null = not known, never false by default.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `alter table procedure_versions add column payment_integrated boolean;`)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `alter table procedure_versions drop column if exists payment_integrated;`)
}
