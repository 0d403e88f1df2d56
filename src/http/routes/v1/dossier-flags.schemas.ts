import { z } from 'zod'
import type { DossierFlags } from '../../../domain/dossiers/dossier-flags.js'

const flag = (description: string) => z.boolean().nullable().optional().describe(`${description}; bỏ trống hoặc null = chưa biết`)

/** The optional Decision 766 facts a desk receipt may carry (POST /api/v1/dossiers). */
export const DossierFlagsBody = z.object({
  synced_national: flag('Đã đồng bộ lên Cổng Dịch vụ công quốc gia (chỉ số 1.4)'),
  reused_data: flag('Có thành phần tái sử dụng dữ liệu đã số hóa (4.3)'),
  linked_data_store: flag('Gắn với kho dữ liệu cá nhân của người nộp (4.4)'),
  population_data_used: flag('Khai thác dữ liệu dân cư hoặc tài khoản VNeID (4.5)'),
  result_on_paper: flag('Kết quả của thủ tục là giấy tờ (4.1)'),
  e_result_issued: flag('Đã cấp kết quả điện tử (4.1)'),
})
export type DossierFlagsBody = z.infer<typeof DossierFlagsBody>

/** The flags given in a body, in the domain's names; absent ones are left out (unknown). */
export function flagsOf(body: DossierFlagsBody): { flags?: Partial<DossierFlags> } {
  const flags: Partial<DossierFlags> = {}
  if (body.synced_national != null) flags.syncedNational = body.synced_national
  if (body.reused_data != null) flags.reusedData = body.reused_data
  if (body.linked_data_store != null) flags.linkedDataStore = body.linked_data_store
  if (body.population_data_used != null) flags.populationDataUsed = body.population_data_used
  if (body.result_on_paper != null) flags.resultOnPaper = body.result_on_paper
  if (body.e_result_issued != null) flags.eResultIssued = body.e_result_issued
  return Object.keys(flags).length > 0 ? { flags } : {}
}
