import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * A portal submission keeps the phone the citizen proved (a one-time code, or an identity
 * provider's verified phone_number), or none: an OIDC login without a verified phone gives
 * its contact phone in the form, which is kept on the dossier as the contact only. Notices
 * and the right to act on the dossier go to the verified phone (or the OIDC subject) alone.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `alter table portal_submissions alter column phone drop not null;`)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    update portal_submissions s set phone = d.applicant_phone from dossiers d where d.id = s.dossier_id and s.phone is null;
    alter table portal_submissions alter column phone set not null;
  `)
}
