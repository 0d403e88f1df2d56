import type { ColumnSpec } from '../import/columns.js'

export type ProcedureColumn =
  | 'code' | 'name' | 'field' | 'level' | 'online_level' | 'processing_days' | 'fee_vnd' | 'cutoff_time'
  | PublicationColumn
  | 'payment_integrated'

/** The optional publication columns (Decision 766 1.1–1.3, 4.5a): empty = not known. */
export const PUBLICATION_COLUMNS = [
  'decision_number', 'decided_on', 'legal_basis_effective_on', 'made_public_on', 'national_db_updated_on', 'all_parts_published', 'uses_population_data',
] as const
export type PublicationColumn = (typeof PUBLICATION_COLUMNS)[number]

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
  { name: 'decision_number', required: false, vietnamese: 'Số quyết định công bố' },
  { name: 'decided_on', required: false, vietnamese: 'Ngày quyết định công bố' },
  { name: 'legal_basis_effective_on', required: false, vietnamese: 'Ngày văn bản QPPL có hiệu lực' },
  { name: 'made_public_on', required: false, vietnamese: 'Ngày công khai' },
  { name: 'national_db_updated_on', required: false, vietnamese: 'Ngày cập nhật CSDL quốc gia' },
  { name: 'all_parts_published', required: false, vietnamese: 'Công khai đầy đủ bộ phận' },
  { name: 'uses_population_data', required: false, vietnamese: 'Khai thác dữ liệu dân cư' },
  // Optional on its own (3.5 B): a file without it leaves what is stored, even with the columns above.
  { name: 'payment_integrated', required: false, vietnamese: 'Tích hợp thanh toán trực tuyến' },
]
