import type { ColumnSpec } from '../../import/columns.js'

export type ReorganisationColumn = 'old_code' | 'new_code' | 'date' | 'new_name' | 'new_kind' | 'new_parent_code' | 'new_areas'

/** A reorganisation file (CSV/XLSX): one row per old unit; the new unit's fields on at least one of its rows. */
export const REORGANISATION_COLUMNS: readonly ColumnSpec<ReorganisationColumn>[] = [
  { name: 'old_code', required: true, vietnamese: 'Mã đơn vị cũ' },
  { name: 'new_code', required: false, vietnamese: 'Mã đơn vị mới' },
  { name: 'date', required: true, vietnamese: 'Ngày hiệu lực' },
  { name: 'new_name', required: false, vietnamese: 'Tên đơn vị mới' },
  { name: 'new_kind', required: false, vietnamese: 'Loại đơn vị mới' },
  { name: 'new_parent_code', required: false, vietnamese: 'Mã đơn vị cấp trên mới' },
  // The areas (old communes, wards, villages) the new unit takes over, separated by ";".
  { name: 'new_areas', required: false, vietnamese: 'Địa bàn của đơn vị mới' },
]

export type SplitDossierColumn = 'dossier_code' | 'new_code'

/** The dossiers of a split unit named one by one (`--dossiers FILE`): which successor each goes to. */
export const SPLIT_DOSSIER_COLUMNS: readonly ColumnSpec<SplitDossierColumn>[] = [
  { name: 'dossier_code', required: true, vietnamese: 'Mã hồ sơ' },
  { name: 'new_code', required: true, vietnamese: 'Mã đơn vị mới' },
]
