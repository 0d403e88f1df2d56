import type { ColumnSpec } from '../import/columns.js'

export type ProcedureColumn = 'code' | 'name' | 'field' | 'level' | 'online_level' | 'processing_days' | 'fee_vnd' | 'cutoff_time'

/** procedures.csv (INTERCHANGE.md); cutoff_time extends it (certifications stop at 15:00). */
export const PROCEDURE_COLUMNS: readonly ColumnSpec<ProcedureColumn>[] = [
  { name: 'code', required: true, vietnamese: 'Mã TTHC' },
  { name: 'name', required: true, vietnamese: 'Tên TTHC' },
  { name: 'field', required: false, vietnamese: 'Lĩnh vực' },
  { name: 'level', required: true, vietnamese: 'Cấp thực hiện' },
  { name: 'online_level', required: true, vietnamese: 'Mức độ DVC trực tuyến' },
  { name: 'processing_days', required: true, vietnamese: 'Thời hạn giải quyết (ngày làm việc)' },
  { name: 'fee_vnd', required: false, vietnamese: 'Phí lệ phí (đồng)' },
  { name: 'cutoff_time', required: false, vietnamese: 'Giờ tiếp nhận cuối ngày' },
]
