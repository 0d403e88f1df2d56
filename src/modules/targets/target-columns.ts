import type { ColumnSpec } from '../import/columns.js'

export type TargetColumn = 'indicator' | 'year' | 'unit_kind' | 'unit_code' | 'scope' | 'minimum' | 'decided_by'

/** targets.csv (docs/INTERCHANGE-EXTENSIONS.md): one minimum per row, with the decision that set it. */
export const TARGET_COLUMNS: readonly ColumnSpec<TargetColumn>[] = [
  { name: 'indicator', required: true, vietnamese: 'Chỉ số' },
  { name: 'year', required: true, vietnamese: 'Năm' },
  { name: 'unit_kind', required: false, vietnamese: 'Loại đơn vị' },
  { name: 'unit_code', required: false, vietnamese: 'Mã đơn vị' },
  { name: 'scope', required: false, vietnamese: 'Phạm vi' },
  { name: 'minimum', required: true, vietnamese: 'Chỉ tiêu (%)' },
  { name: 'decided_by', required: true, vietnamese: 'Văn bản giao chỉ tiêu' },
]
