import { AppError, ErrorCode } from '../shared/app-error.js'

/*
 * Facts about a dossier that Decision 766 scores and the core interchange format does not
 * carry. Each is null when not known — never false by default — so dossiers imported before
 * these facts were kept do not turn into 0 % (INDICATORS.md: "never invent a value").
 */
export interface DossierFlags {
  /** 1.4 — đồng bộ lên Cổng Dịch vụ công quốc gia. */
  syncedNational: boolean | null
  /** 4.3 — có thành phần tái sử dụng dữ liệu đã số hóa. */
  reusedData: boolean | null
  /** 4.4 — gắn với kho dữ liệu cá nhân của người nộp. */
  linkedDataStore: boolean | null
  /** 4.5b — khai thác dữ liệu dân cư hoặc tài khoản VNeID đã xác thực. */
  populationDataUsed: boolean | null
  /** 4.1 — kết quả của thủ tục là giấy tờ (bản giấy). */
  resultOnPaper: boolean | null
  /** 4.1 — đã cấp kết quả điện tử. */
  eResultIssued: boolean | null
}

/** The flags' column names (dossiers.csv, the database), in the order files write them. */
export const DOSSIER_FLAG_COLUMNS = ['synced_national', 'reused_data', 'linked_data_store', 'population_data_used', 'result_on_paper', 'e_result_issued'] as const
export type DossierFlagColumn = (typeof DOSSIER_FLAG_COLUMNS)[number]

/** What each fact says, for messages (its Decision 766 indicator in brackets). */
export const DOSSIER_FLAG_LABELS: Record<DossierFlagColumn, string> = {
  synced_national: 'đã đồng bộ lên Cổng DVC quốc gia (1.4)',
  reused_data: 'tái sử dụng dữ liệu đã số hóa (4.3)',
  linked_data_store: 'gắn với kho dữ liệu cá nhân (4.4)',
  population_data_used: 'khai thác dữ liệu dân cư, VNeID (4.5b)',
  result_on_paper: 'kết quả là giấy tờ (4.1)',
  e_result_issued: 'đã cấp kết quả điện tử (4.1)',
}

export const FLAG_OF_COLUMN: Record<DossierFlagColumn, keyof DossierFlags> = {
  synced_national: 'syncedNational',
  reused_data: 'reusedData',
  linked_data_store: 'linkedDataStore',
  population_data_used: 'populationDataUsed',
  result_on_paper: 'resultOnPaper',
  e_result_issued: 'eResultIssued',
}

export const UNKNOWN_FLAGS: DossierFlags = {
  syncedNational: null, reusedData: null, linkedDataStore: null, populationDataUsed: null, resultOnPaper: null, eResultIssued: null,
}

/**
 * Refuses a change of the facts that would contradict itself: an electronic result issued for a
 * procedure whose result is known not to be a paper document (4.1 does not look at those), unless
 * the same change corrects "result on paper".
 */
export function checkFlagChange(before: Partial<Record<DossierFlagColumn, boolean | null>>, change: Partial<Record<DossierFlagColumn, boolean | null>>): void {
  const resultOnPaper = change.result_on_paper !== undefined ? change.result_on_paper : before.result_on_paper
  if (change.e_result_issued === true && resultOnPaper === false) {
    throw new AppError(ErrorCode.validation, 'e-result for a non-paper result', 'Kết quả của thủ tục này không phải giấy tờ: chỉ số 4.1 không xét cấp kết quả điện tử. Sửa "kết quả là giấy tờ" trước.')
  }
}
