import type { ColumnSpec } from '../import/columns.js'

export type UnitColumn = 'code' | 'name' | 'kind' | 'parent_code' | 'valid_from' | 'valid_to' | 'successor_code'

/** units.csv (INTERCHANGE.md); valid_from, valid_to and successor_code extend it for mergers. */
export const UNIT_COLUMNS: readonly ColumnSpec<UnitColumn>[] = [
  { name: 'code', required: true, vietnamese: 'Mã đơn vị' },
  { name: 'name', required: true, vietnamese: 'Tên đơn vị' },
  { name: 'kind', required: true, vietnamese: 'Loại đơn vị' },
  { name: 'parent_code', required: false, vietnamese: 'Mã đơn vị cấp trên' },
  { name: 'valid_from', required: false, vietnamese: 'Hiệu lực từ ngày' },
  { name: 'valid_to', required: false, vietnamese: 'Hiệu lực đến ngày' },
  { name: 'successor_code', required: false, vietnamese: 'Mã đơn vị kế thừa' },
]
