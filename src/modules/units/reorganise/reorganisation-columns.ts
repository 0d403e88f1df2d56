import type { ColumnSpec } from '../../import/columns.js'

export type ReorganisationColumn = 'old_code' | 'new_code' | 'date' | 'new_name' | 'new_kind' | 'new_parent_code'

/** A reorganisation file (CSV/XLSX): one row per old unit; the new unit's fields on at least one of its rows. */
export const REORGANISATION_COLUMNS: readonly ColumnSpec<ReorganisationColumn>[] = [
  { name: 'old_code', required: true, vietnamese: 'Mã đơn vị cũ' },
  { name: 'new_code', required: false, vietnamese: 'Mã đơn vị mới' },
  { name: 'date', required: true, vietnamese: 'Ngày hiệu lực' },
  { name: 'new_name', required: false, vietnamese: 'Tên đơn vị mới' },
  { name: 'new_kind', required: false, vietnamese: 'Loại đơn vị mới' },
  { name: 'new_parent_code', required: false, vietnamese: 'Mã đơn vị cấp trên mới' },
]
