import type { DossierDetails } from '../desk-api.js'

/** The slips of Thông tư 01/2018/TT-VPCP the desk prints, by the address segment that opens them. */
export const PRINTABLE_FORMS = {
  'giay-tiep-nhan': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)',
  'yeu-cau-bo-sung': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)',
  'tu-choi': 'Phiếu từ chối giải quyết hồ sơ (Mẫu 03)',
  'xin-loi': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)',
  'kiem-soat': 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)',
  'bien-lai': 'Biên lai thu phí, lệ phí',
} as const
export type PrintableForm = keyof typeof PRINTABLE_FORMS

export function isPrintableForm(value: string): value is PrintableForm {
  return Object.hasOwn(PRINTABLE_FORMS, value)
}

/** The slips that make sense for this dossier now. */
export function formsFor(d: DossierDetails): { form: PrintableForm; label: string }[] {
  const forms: PrintableForm[] = ['giay-tiep-nhan', 'kiem-soat']
  if (d.events.some((e) => e.type === 'request_supplement')) forms.push('yeu-cau-bo-sung')
  if (d.status === 'rejected') forms.push('tu-choi')
  // The server says when an apology is due (the rule that also checks the request); one given prints again.
  if (d.may_apologize || d.apologies.length > 0) forms.push('xin-loi')
  // A receipt is for money collected: once the fee is recorded as paid.
  if (d.fee_vnd > 0 && d.paid_at !== null) forms.push('bien-lai')
  return forms.map((form) => ({ form, label: PRINTABLE_FORMS[form] }))
}
