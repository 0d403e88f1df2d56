import type { CitedDocument } from '../../domain/reports/cited-documents.js'
import type { SignerPosition } from '../../domain/reports/signature-authority.js'
import { TU_KY_CODE } from './demo-units.js'

/** Who signed Tứ Kỳ's letters in the seeds: the chair (seed 000) and a vice-chair (seed 002). */
export const DEMO_SIGNERS: readonly { unitCode: string; position: SignerPosition; name: string }[] = [
  { unitCode: TU_KY_CODE, position: 'chair', name: 'Vũ Thị Hà' },
  { unitCode: TU_KY_CODE, position: 'vice_chair', name: 'Đào Văn Soái' },
]

/** What seed 000 (1262/UBND-VP, 15/9/2022) cites: the province's plan and decision for 2022, and Tứ Kỳ's letter of 12/9/2022. */
export const DEMO_CITED_DOCUMENTS: readonly CitedDocument[] = [
  {
    topic: 'digitization', year: 2022, role: 'basis', docType: 'Kế hoạch', number: '4707/KH-UBND', issuedOn: '2021-12-24',
    issuer: 'UBND tỉnh Hải Dương', about: 'về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022', position: 1,
  },
  {
    topic: 'digitization', year: 2022, role: 'basis', docType: 'Quyết định', number: '1217/QĐ-UBND', issuedOn: '2022-05-12',
    issuer: 'UBND tỉnh Hải Dương', about: 'về việc giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến cho các Sở, ban, ngành, địa phương năm 2022', position: 2,
  },
  { topic: 'digitization', year: 2022, role: 'letter', docType: 'Công văn', number: '1219/UBND-VP', issuedOn: '2022-09-12', issuer: '', about: '', position: 0 },
]
