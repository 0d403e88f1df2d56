import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string, Date | string>

/** A procedure's form (mẫu đơn, tờ khai): the bytes in the file store by SHA-256 (migration 025). */
export interface ProcedureFormsTable {
  id: Generated<number>
  procedure_id: number
  code: string
  name: string
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
  uploaded_by: string
  uploaded_at: Generated<Date>
}

/** The public throttles' shared counters: one row per key and fixed window (migration 026). */
export interface ThrottleCountersTable {
  key: string
  window_start: Timestamp
  expires_at: Timestamp
  count: number
}
