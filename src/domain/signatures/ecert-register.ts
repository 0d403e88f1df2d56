/**
 * The certification register (sổ chứng thực bản sao từ bản chính, Thông tư 01/2020/TT-BTP): one
 * book per unit and year, entries numbered from 1 without gaps. The book's symbol follows the
 * form offices use: "<số>/<năm>/SCT/BS".
 */
export function certificationNumberLabel(number: number, year: number): string {
  return `Số chứng thực ${number}/${year}/SCT/BS`
}

/** The lines above the signature on an electronic certified copy. */
export function certificationStatement(number: number, year: number): string[] {
  return ['Chứng thực bản sao đúng với bản chính', `${certificationNumberLabel(number, year)}, quyển số 01/${year}`]
}

/** The register's columns, in the order of the printed book. */
export const ECERT_REGISTER_COLUMNS = [
  { key: 'number', label: 'Số chứng thực', width: 10 },
  { key: 'certified_on', label: 'Ngày, tháng, năm chứng thực', width: 14 },
  { key: 'applicant_name', label: 'Họ tên người yêu cầu chứng thực', width: 26 },
  { key: 'document_name', label: 'Tên bản chính giấy tờ, văn bản', width: 34 },
  { key: 'copies', label: 'Số bản sao đã chứng thực', width: 10 },
  { key: 'signer_name', label: 'Người ký chứng thực', width: 24 },
  { key: 'fee_vnd', label: 'Lệ phí (đồng)', width: 12 },
  { key: 'dossier_code', label: 'Mã hồ sơ', width: 22 },
] as const
