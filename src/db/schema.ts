import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/** Kysely's view of the tables; the migrations are the truth, this mirrors them. */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type DateOnly = ColumnType<string, string, string>
import type { ProcedureFormsTable, ThrottleCountersTable } from './schema.portal-extras.js'

export interface UnitsTable {
  id: Generated<number>
  code: string
  name: string
  kind: string
  parent_id: number | null
  valid_from: DateOnly | null
  valid_to: DateOnly | null
  successor_id: number | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface UnitClosureTable {
  ancestor_id: number
  descendant_id: number
  depth: number
}

/** A unit and each unit along its successor chain (depth 0: itself): where its history rolls. */
export interface UnitHeirsTable {
  unit_id: number
  heir_id: number
  depth: number
}

/** A dossier of a split unit whose history goes to another successor than the first named (migration 027). */
export interface DossierHeirsTable {
  dossier_id: string
  unit_id: number
  heir_id: number
}

export interface ProceduresTable {
  id: Generated<number>
  code: string
  created_at: Generated<Date>
}

export interface ProcedureVersionsTable {
  id: Generated<number>
  procedure_id: number
  version: number
  valid_from: Timestamp | null
  name: string
  field: string | null
  level: string
  online_level: string
  /** numeric comes back as a string from both drivers. */
  processing_days: ColumnType<string, string | number, string | number>
  fee_vnd: ColumnType<string, string | number | bigint, string | number | bigint>
  cutoff_time: string | null
  components: ColumnType<unknown, string, string>
  publicly_listed: Generated<boolean>
  created_at: Generated<Date>
  /** Publication (công bố, công khai): null = not known. Migration 007. */
  decision_number: string | null
  decided_on: DateOnly | null
  legal_basis_effective_on: DateOnly | null
  made_public_on: DateOnly | null
  national_db_updated_on: DateOnly | null
  all_parts_published: boolean | null
  uses_population_data: boolean | null
  /** Tích hợp thanh toán trực tuyến (3.5 B): null = not known. Migration 008. */
  payment_integrated: boolean | null
}

export interface DossiersTable {
  id: Generated<string>
  code: string
  receiving_unit_id: number
  deciding_unit_id: number
  procedure_id: number
  procedure_version_id: number
  applicant_name: string | null
  applicant_id_number: string | null
  applicant_phone: string | null
  applicant_address: string | null
  channel: string
  status: string
  received_at: Timestamp
  due_at: Timestamp | null
  finished_at: Timestamp | null
  returned_at: Timestamp | null
  components_total: number
  components_digitized: number
  result_digitized: boolean
  fee_vnd: ColumnType<string, string | number | bigint, string | number | bigint>
  paid_online: boolean
  ecert_copies: number
  rating: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  result_file_id: string | null
  paid_at: Timestamp | null
  /** Decision 766 facts, null = not known (migration 007). */
  synced_national: boolean | null
  reused_data: boolean | null
  linked_data_store: boolean | null
  population_data_used: boolean | null
  result_on_paper: boolean | null
  e_result_issued: boolean | null
  /** Whose work it is and the unit it was handed to; the stage inside processing (migration 015). */
  assignee_user_id: number | null
  assigned_unit_id: number | null
  work_stage: string | null
}

export interface DossierComponentsTable {
  id: Generated<string>
  dossier_id: string
  position: number
  name: string
  required: boolean
  digitized: boolean
  /** Desk receipts: whether the applicant handed this component in (imports have no rows). */
  received: Generated<boolean>
  file_id: string | null
  digitized_at: Timestamp | null
}

export interface DossierEventsTable {
  id: Generated<string>
  dossier_id: string
  seq: number
  type: string
  at: Timestamp
  actor: string
  reason: string | null
  status_after: string
  data: ColumnType<unknown, string, never>
  recorded_at: Generated<Date>
}

export interface CalendarYearsTable {
  year: number
  edited_at: Generated<Date>
  edited_by: string
}

export interface CalendarDaysTable {
  date: DateOnly
  kind: string
  name: string
  source: string
}

export interface ImportRunsTable {
  id: Generated<string>
  kind: string
  file_name: string
  status: string
  started_at: Generated<Date>
  heartbeat_at: Generated<Date>
  finished_at: Timestamp | null
  summary: ColumnType<unknown, string, string>
}

export interface TargetsTable {
  id: Generated<number>
  indicator: string
  year: number
  unit_kind: string | null
  unit_id: number | null
  scope: string
  minimum: ColumnType<string, string | number, string | number>
  decided_by: string
  created_at: Generated<Date>
}

export interface CitedDocumentsTable {
  id: Generated<number>
  unit_id: number
  topic: string
  year: number
  role: 'basis' | 'letter'
  doc_type: string
  number: string
  /** YYYY-MM-DD. */
  issued_on: ColumnType<string, string, string>
  issuer: Generated<string>
  about: Generated<string>
  position: Generated<number>
  created_at: Generated<Date>
}

export interface UnitSignersTable {
  unit_id: number
  position: string
  name: string
  updated_at: Generated<Date>
}

export interface RollupDailyTable {
  unit_id: number
  day: DateOnly
  received: number
  online_eligible: number
  online: number
  digitization_eligible: number
  fully_digitized: number
  fee_eligible: number
  paid_online: number
  ecert_copies: number
  finished: number
  result_digitized: number
  on_time: number
  late: number
  rated: number
  satisfied: number
  overdue_enter: number
  overdue_exit: number
}

export interface UsersTable {
  id: Generated<number>
  username: string
  display_name: string
  password_hash: string
  unit_id: number
  role: string
  active: Generated<boolean>
  failed_logins: Generated<number>
  locked_until: Timestamp | null
  password_changed_at: Generated<Date>
  created_at: Generated<Date>
}

/** Failed logins by the name typed (an account's or not): the lockout. */
export interface LoginFailuresTable {
  username: string
  failures: number
  locked_until: Timestamp | null
  last_failed_at: Timestamp
}

export interface SessionsTable {
  id: string
  user_id: number
  csrf_token: string
  created_at: Generated<Date>
  expires_at: Timestamp
  last_seen_at: Generated<Date>
  ip: string | null
  user_agent: string | null
  revoked_at: Timestamp | null
}

export interface ApiTokensTable {
  id: Generated<number>
  name: string
  token_hash: string
  unit_id: number
  scopes: string[]
  expires_at: Timestamp
  revoked_at: Timestamp | null
  created_by: number | null
  created_at: Generated<Date>
  last_used_at: Timestamp | null
}

export interface AuditLogTable {
  id: Generated<string>
  at: Generated<Date>
  actor: string
  ip: string | null
  action: string
  entity: string
  entity_id: string | null
  summary: ColumnType<unknown, string, never>
  prev_hash: string
  hash: string
}

/** Bumped by every statement that changes what figures are made of; the version is the sum (migration 012). */
export interface DataVersionTable {
  shard: number
  version: number
}

/** Bumped by every statement that changes a session's actor or what it may see; the version is the sum (migration 024). */
export interface AccessVersionTable {
  shard: number
  version: number
}

export interface AuditHeadTable {
  id: number
  last_id: string
  last_hash: string
}

export interface OfficialsTable {
  id: Generated<number>
  unit_id: number
  full_name: string
  position: string | null
  handles_dossiers: Generated<boolean>
  national_portal_account: string | null
  ecert_right: Generated<boolean>
  certificate_der: Buffer | null
  certificate_serial: string | null
  certificate_subject: string | null
  certificate_issuer: string | null
  certificate_valid_from: Timestamp | null
  certificate_valid_to: Timestamp | null
  certificate_registered_at: Timestamp | null
  account_user_id: number | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  /** CMND (9 digits) or CCCD (12): what a certificate's UID names. */
  identity_number: string | null
  certificate_stage: Generated<string>
  certificate_stage_at: Timestamp | null
  certificate_uid: string | null
}

export interface FilesTable {
  id: Generated<string>
  sha256: string
  size_bytes: number
  media_type: string
  original_name: string
  uploaded_by: string
  uploaded_at: Generated<Date>
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả: the new appointment given for a late dossier. */
export interface DossierApologiesTable {
  id: Generated<string>
  dossier_id: string
  reason: string
  new_due_on: DateOnly
  issued_at: Generated<Date>
  issued_by: string
}

/** A replaced scan (position) or electronic result (position null): the old file stays (migration 016). */
export interface DossierFileReplacementsTable {
  id: Generated<string>
  dossier_id: string
  position: number | null
  old_file_id: string
  new_file_id: string
  reason: string | null
  replaced_by: string
  replaced_at: Generated<Date>
}

export interface DossierCodeCountersTable {
  unit_id: number
  day: DateOnly
  last_seq: number
}

/** Phản ánh, kiến nghị (migration 007). */
export interface FeedbackTable {
  id: Generated<string>
  code: string
  unit_id: number
  received_at: Timestamp
  channel: string
  summary: string
  procedure_code: string | null
  dossier_code: string | null
  classification: string | null
  classified_at: Timestamp | null
  rejected_at: Timestamp | null
  supplement_requested_at: Timestamp | null
  handled_at: Timestamp | null
  published_at: Timestamp | null
  reaction: string | null
  repeated: boolean | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface Database {
  units: UnitsTable
  unit_closure: UnitClosureTable
  unit_heirs: UnitHeirsTable
  dossier_heirs: DossierHeirsTable
  procedures: ProceduresTable
  procedure_versions: ProcedureVersionsTable
  dossiers: DossiersTable
  dossier_components: DossierComponentsTable
  dossier_events: DossierEventsTable
  calendar_years: CalendarYearsTable
  calendar_days: CalendarDaysTable
  import_runs: ImportRunsTable
  targets: TargetsTable
  rollup_daily: RollupDailyTable
  users: UsersTable
  sessions: SessionsTable
  login_failures: LoginFailuresTable
  api_tokens: ApiTokensTable
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  officials: OfficialsTable
  files: FilesTable
  dossier_code_counters: DossierCodeCountersTable
  dossier_apologies: DossierApologiesTable
  feedback: FeedbackTable
  data_version: DataVersionTable
  access_version: AccessVersionTable
  cited_documents: CitedDocumentsTable
  unit_signers: UnitSignersTable
  outbox_messages: OutboxMessagesTable
  dossier_file_replacements: DossierFileReplacementsTable
  ocr_jobs: OcrJobsTable
  file_texts: FileTextsTable
  file_signatures: FileSignaturesTable
  signing_credentials: SigningCredentialsTable
  ecert_register_counters: EcertRegisterCountersTable
  ecert_register: EcertRegisterTable
  portal_otps: PortalOtpsTable
  portal_sessions: PortalSessionsTable
  portal_submissions: PortalSubmissionsTable
  portal_payments: PortalPaymentsTable
  portal_oidc_logins: PortalOidcLoginsTable
  directives: DirectivesTable
  directive_citations: DirectiveCitationsTable
  tasks: TasksTable
  task_assignees: TaskAssigneesTable
  task_occurrences: TaskOccurrencesTable
  task_submissions: TaskSubmissionsTable
  late_entries: LateEntriesTable
  task_contacts: TaskContactsTable
  procedure_forms: ProcedureFormsTable
  throttle_counters: ThrottleCountersTable
}

/** The verdict on a stored PDF's signature, checked at upload (migration 018). */
export interface FileSignaturesTable {
  file_id: string
  status: string
  reason: string
  signer_name: string | null
  signer_subject: string | null
  signer_issuer: string | null
  signer_serial: string | null
  certificate_valid_from: Timestamp | null
  certificate_valid_to: Timestamp | null
  signed_at: Timestamp | null
  checked_at: Generated<Date>
}

/** A PKCS#12 held for an official or a unit, sealed (AES-256-GCM) under a key outside the database. */
export interface SigningCredentialsTable {
  id: Generated<number>
  official_id: number | null
  unit_id: number | null
  certificate_der: Buffer
  subject: string
  issuer: string
  serial: string
  valid_from: Timestamp
  valid_to: Timestamp
  sealed: Buffer
  registered_by: string
  registered_at: Generated<Date>
}

export interface EcertRegisterCountersTable {
  unit_id: number
  year: number
  last_number: number
}

/** Sổ chứng thực bản sao từ bản chính: one entry per certification, numbered per unit and year. */
export interface EcertRegisterTable {
  id: Generated<string>
  unit_id: number
  year: number
  number: number
  dossier_id: string
  document_name: string
  copies: number
  fee_vnd: ColumnType<string, string | number | bigint, string | number | bigint>
  original_file_id: string
  copy_file_id: string
  signer_name: string
  certified_by: string
  certified_at: Generated<Date>
}

/** Hộp thư đi: e-mail and SMS waiting to be sent, sent, or given up on (migration 014). */
export interface OutboxMessagesTable {
  id: Generated<number>
  channel: 'email' | 'sms'
  recipient: string
  subject: Generated<string>
  body: string
  topic: string
  unit_id: number | null
  dedupe_key: string | null
  status: Generated<'pending' | 'sent' | 'failed'>
  attempts: Generated<number>
  next_attempt_at: Generated<Date>
  last_error: string | null
  created_at: Generated<Date>
  sent_at: Date | null
}

/** The citizens' portal (migration 019): one-time codes, sessions, online submissions, payments, logins under way. */
export interface PortalOtpsTable {
  id: Generated<string>
  phone: string
  code_hash: string
  expires_at: Timestamp
  attempts: Generated<number>
  used_at: Timestamp | null
  created_at: Generated<Date>
}

/** Văn bản chỉ đạo, incoming or outgoing (migration 020). */
export interface DirectivesTable {
  id: Generated<number>
  unit_id: number
  direction: 'incoming' | 'outgoing'
  doc_type: string
  number: string
  issued_on: ColumnType<string, string, string>
  issuer: string
  subject: string
  topic: string | null
  cited_document_id: number | null
  file_id: string | null
  created_by: string
  created_at: Generated<Date>
}

export interface DirectiveCitationsTable {
  directive_id: number
  cited_document_id: number
}

export interface TasksTable {
  id: Generated<number>
  directive_id: number
  title: string
  monitor_unit_id: number
  recurrence: string
  due_on: ColumnType<string | null, string | null, string | null>
  starts_on: ColumnType<string, string, string>
  ends_on: ColumnType<string | null, string | null, string | null>
  created_at: Generated<Date>
}

export interface TaskAssigneesTable {
  task_id: number
  unit_id: number
}

export interface TaskOccurrencesTable {
  id: Generated<number>
  task_id: number
  unit_id: number
  period_key: string
  due_on: ColumnType<string, string, string>
  created_at: Generated<Date>
}

export interface TaskSubmissionsTable {
  id: Generated<number>
  occurrence_id: number
  submitted_at: Date
  submitted_by: string
  note: Generated<string>
  file_id: string | null
  verdict: 'accepted' | 'returned' | null
  verdict_reason: string | null
  verdict_by: string | null
  verdict_at: Date | null
}

/** A time claimed earlier than it was recorded (nhập bù): migration 038. */
export interface LateEntriesTable {
  id: Generated<string>
  entity: 'task_submission' | 'feedback'
  entity_id: string
  field: LateEntryField
  claimed_at: Date
  recorded_at: Date
  recorded_by: string
  reason: string
  confirmed_by: string | null
  confirmed_at: Date | null
}
export type LateEntryField = 'submitted_at' | 'received_at' | 'classified_at' | 'rejected_at' | 'supplement_requested_at' | 'handled_at' | 'published_at'

export interface TaskContactsTable {
  unit_id: number
  email: string
}

export interface PortalSessionsTable {
  token_hash: string
  phone: string | null
  oidc_subject: string | null
  full_name: string | null
  expires_at: Timestamp
  created_at: Generated<Date>
}

export interface PortalSubmissionsTable {
  dossier_id: string
  /** The phone the citizen proved (OTP or a verified OIDC phone_number); null when none was. */
  phone: string | null
  email: string | null
  oidc_subject: string | null
  submitted_at: Generated<Date>
}

export interface PortalPaymentsTable {
  id: Generated<string>
  dossier_id: string
  txn_ref: string
  gateway: string
  amount_vnd: ColumnType<string, string | number | bigint, string | number | bigint>
  status: Generated<'pending' | 'paid' | 'failed' | 'refunded'>
  gateway_transaction_no: string | null
  response_code: string | null
  created_at: Generated<Date>
  paid_at: Timestamp | null
  refunded_at: Timestamp | null
  refund_reason: string | null
}

export interface PortalOidcLoginsTable {
  state: string
  nonce: string
  code_verifier: string
  return_to: Generated<string>
  expires_at: Timestamp
}

export type UnitRow = Selectable<UnitsTable>
export type NewUnitRow = Insertable<UnitsTable>
export type ProcedureVersionRow = Selectable<ProcedureVersionsTable>
export type DossierRow = Selectable<DossiersTable>
export type FeedbackRow = Selectable<FeedbackTable>

/** A stored file waiting to be read (or read, or failed with its reason). */
export interface OcrJobsTable {
  id: Generated<string>
  file_id: string
  status: Generated<string>
  attempts: Generated<number>
  error: string | null
  queued_at: Generated<Date>
  started_at: Timestamp | null
  finished_at: Timestamp | null
}

/** The text recognised in a stored file, and its folded form (searching without diacritics). */
export interface FileTextsTable {
  file_id: string
  text: string
  folded: string
  pages: number
  engine: string
  recognized_at: Generated<Date>
}
