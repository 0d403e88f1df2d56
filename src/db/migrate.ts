import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration'
import type { Kysely } from 'kysely'
import * as core from './migrations/20261123_001_core.js'
import * as rollups from './migrations/20261123_002_rollups.js'
import * as targets from './migrations/20261123_003_targets.js'
import * as accounts from './migrations/20261123_004_accounts.js'
import * as officials from './migrations/20261123_005_officials.js'
import * as desk from './migrations/20261123_006_desk.js'
import * as index766Data from './migrations/20261123_007_index766_data.js'
import * as paymentIntegration from './migrations/20261123_008_payment_integration.js'
import * as apologies from './migrations/20261123_009_apologies.js'
import * as auditHeadGuard from './migrations/20261125_010_audit_head_guard.js'
import * as loginFailures from './migrations/20261125_011_login_failures.js'
import * as dataVersion from './migrations/20261125_012_data_version.js'
import * as citedDocumentsSigners from './migrations/20261125_013_cited_documents_signers.js'
import * as outbox from './migrations/20261126_014_outbox.js'
import * as deskWorkAssignment from './migrations/20261126_015_desk_work_assignment.js'
import * as deskCounterFileHistory from './migrations/20261126_016_desk_counter_file_history.js'
import * as officialsOcr from './migrations/20261126_017_officials_ocr.js'
import * as signaturesCredentialsRegister from './migrations/20261126_018_signatures_credentials_register.js'
import * as portalCitizens from './migrations/20261126_019_portal_citizens.js'
import * as directivesTasks from './migrations/20261126_020_directives_tasks.js'
import * as twolevelUnitHeirs from './migrations/20261126_021_twolevel_unit_heirs.js'
import * as twolevelDecidedRollups from './migrations/20261126_022_twolevel_decided_rollups.js'
import * as incomingDocumentsIntoDirectives from './migrations/20261126_023_incoming_documents_into_directives.js'
import * as accessVersion from './migrations/20261126_024_access_version.js'
import * as procedureForms from './migrations/20261126_025_procedure_forms.js'
import * as throttleCounters from './migrations/20261126_026_throttle_counters.js'
import * as twolevelDossierHeirs from './migrations/20261126_027_twolevel_dossier_heirs.js'
import * as dossierHistoryFacts from './migrations/20261126_028_dossier_history_facts.js'
import * as subtreeRollups from './migrations/20261126_029_subtree_rollups.js'
import * as procedureVersionKey from './migrations/20261126_030_procedure_version_key.js'
import * as ecertAncestors from './migrations/20261126_031_ecert_ancestors.js'
import * as failedLoginsByAddress from './migrations/20261126_032_failed_logins_by_address.js'
import * as index766Partials from './migrations/20261126_033_index766_partials.js'
import * as importSpeedRollups from './migrations/20261126_034_import_speed_rollups.js'
import * as coldTableScopeTotals from './migrations/20261126_035_cold_table_scope_totals.js'
import * as decidedElsewhere from './migrations/20261126_036_decided_elsewhere.js'
import * as portalUnverifiedContact from './migrations/20261126_037_portal_unverified_contact.js'
import * as secTasks from './migrations/20261126_038_sec_tasks.js'
import * as importFacts from './migrations/20261126_039_import_facts.js'
import * as subtreeContrib from './migrations/20261126_040_subtree_contrib.js'

/** The migrations, in order. A static list: no file-system scanning, same on every machine. */
const MIGRATIONS: Record<string, Migration> = {
  '20261123_001_core': core,
  '20261123_002_rollups': rollups,
  '20261123_003_targets': targets,
  '20261123_004_accounts': accounts,
  '20261123_005_officials': officials,
  '20261123_006_desk': desk,
  '20261123_007_index766_data': index766Data,
  '20261123_008_payment_integration': paymentIntegration,
  '20261123_009_apologies': apologies,
  '20261125_010_audit_head_guard': auditHeadGuard,
  '20261125_011_login_failures': loginFailures,
  '20261125_012_data_version': dataVersion,
  '20261125_013_cited_documents_signers': citedDocumentsSigners,
  '20261126_014_outbox': outbox,
  '20261126_015_desk_work_assignment': deskWorkAssignment,
  '20261126_016_desk_counter_file_history': deskCounterFileHistory,
  '20261126_017_officials_ocr': officialsOcr,
  '20261126_018_signatures_credentials_register': signaturesCredentialsRegister,
  '20261126_019_portal_citizens': portalCitizens,
  '20261126_020_directives_tasks': directivesTasks,
  '20261126_021_twolevel_unit_heirs': twolevelUnitHeirs,
  '20261126_022_twolevel_decided_rollups': twolevelDecidedRollups,
  '20261126_023_incoming_documents_into_directives': incomingDocumentsIntoDirectives,
  '20261126_024_access_version': accessVersion,
  '20261126_025_procedure_forms': procedureForms,
  '20261126_026_throttle_counters': throttleCounters,
  '20261126_027_twolevel_dossier_heirs': twolevelDossierHeirs,
  '20261126_028_dossier_history_facts': dossierHistoryFacts,
  '20261126_029_subtree_rollups': subtreeRollups,
  '20261126_030_procedure_version_key': procedureVersionKey,
  '20261126_031_ecert_ancestors': ecertAncestors,
  '20261126_032_failed_logins_by_address': failedLoginsByAddress,
  '20261126_033_index766_partials': index766Partials,
  '20261126_034_import_speed_rollups': importSpeedRollups,
  '20261126_035_cold_table_scope_totals': coldTableScopeTotals,
  '20261126_036_decided_elsewhere': decidedElsewhere,
  '20261126_037_portal_unverified_contact': portalUnverifiedContact,
  '20261126_038_sec_tasks': secTasks,
  '20261126_039_import_facts': importFacts,
  '20261126_040_subtree_contrib': subtreeContrib,
}

/** The names of the migrations this version knows, in order. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS)

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * The migrations already applied to a database, in order (none for an empty one): a restore
 * brings an empty database to its backup's level, never below what it has.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await new Migrator({ db, provider }).getMigrations()
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name)
}

/** Up to and including the named migration: a restore of an older backup, a test of a later migration's move of data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name)
  if (error) throw error instanceof Error ? error : new Error(String(error))
}
