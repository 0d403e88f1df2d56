import type { CitedDocument } from '../../domain/reports/cited-documents.js'
import type { DirectiveInput } from '../../domain/directives/directive-rules.js'
import { TU_KY_CODE, TU_KY_COMMUNE_NAMES, tuKyCommuneCode } from './demo-units.js'

/**
 * The seed letters as directives (000–003), with the tasks they order, as data. Units are named
 * as in the letters and resolved to codes when seeded. Where a seed is a draft without number or
 * day (001, 002, 003), the demo says what it assumed beside the entry.
 */
export interface DemoTask {
  title: string
  /** Commune names ("Văn Tố"), office suffixes ("@VP"), or "*" for all of Tứ Kỳ's communes. */
  assignees: readonly string[]
  monitor: string
  recurrence: string
  dueOn: string | null
  endsOn: string | null
  /** How the assignees answered: see demo-submissions.ts. */
  pattern: 'self_criticism' | 'office_recurring' | 'monthly_communes' | 'mostly_on_time' | 'office_on_time' | 'office_returned'
}

export interface DemoDirective {
  directive: DirectiveInput
  /** Numbers of the cited documents (DEMO_CITED_DOCUMENTS or the basis documents below). */
  cites: readonly string[]
  tasks: readonly DemoTask[]
}

const DISTRICT = 'UBND huyện Tứ Kỳ'
const ALL = ['*']
const CRITICISED_000 = ['Văn Tố', 'Hà Thanh', 'Tân Kỳ', 'Tiên Động', 'Hưng Đạo', 'Ngọc Kỳ', 'Hà Kỳ', 'Minh Đức', 'Quang Phục', 'Chí Minh']

/** What seeds 002 and 003 carry out, kept where letters' citations are (cited_documents). */
export const DEMO_DIRECTIVE_BASIS: readonly CitedDocument[] = [
  { topic: 'online-services', year: 2022, role: 'basis', docType: 'Quyết định', number: '3113/QĐ-UBND', issuedOn: '2021-10-26', issuer: 'UBND tỉnh Hải Dương', about: 'về việc giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến', position: 1 },
  { topic: 'online-services', year: 2022, role: 'basis', docType: 'Công văn', number: '461/STTTT-BCVTCNTT', issuedOn: '2022-04-13', issuer: 'Sở Thông tin và Truyền thông tỉnh Hải Dương', about: 'về việc tham gia góp ý dự thảo Quyết định giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến năm 2022', position: 2 },
  { topic: 'administrative-reform', year: 2023, role: 'basis', docType: 'Công văn', number: '63/TCTCCTTHC', issuedOn: '2023-09-19', issuer: 'Tổ công tác cải cách thủ tục hành chính của Thủ tướng Chính phủ', about: 'về triển khai các nhiệm vụ cải cách thủ tục hành chính trọng tâm từ nay đến hết năm 2023', position: 1 },
]

export const DEMO_DIRECTIVES: readonly DemoDirective[] = [
  {
    // Seed 003: a draft dated "tháng 4 năm 2022" with no day or number; the demo dates it 20/4/2022
    // (after the 461/STTTT letter of 13/4 it cites) and keeps the number blank as the draft has it.
    directive: { direction: 'outgoing', docType: 'Công văn', number: '…/UBND-VP (dự thảo 4/2022)', issuedOn: '2022-04-20', issuer: DISTRICT, topic: 'online-services', subject: 'V/v đẩy mạnh thực hiện dịch vụ công trực tuyến mức độ 3, 4 đạt chỉ tiêu UBND tỉnh giao năm 2022' },
    cites: ['3113/QĐ-UBND', '461/STTTT-BCVTCNTT'],
    tasks: [
      { title: 'Báo cáo kết quả thực hiện dịch vụ công trực tuyến hằng tháng, quý, năm (qua Văn phòng HĐND&UBND huyện)', assignees: ALL, monitor: '@VP', recurrence: 'monthly:25', dueOn: null, endsOn: '2022-12-31', pattern: 'monthly_communes' },
    ],
  },
  {
    // Seed 001: "Số: /UBND-VP … tháng 9 năm 2022". Seed 000 (15/9/2022) carries on "chỉ đạo của UBND huyện
    // tại Công văn số 1219/UBND-VP ngày 12/9/2022" on the same matters: the demo takes 001 to be that letter.
    directive: { direction: 'outgoing', docType: 'Công văn', number: '1219/UBND-VP', issuedOn: '2022-09-12', issuer: DISTRICT, topic: 'digitization', subject: 'V/v tiếp tục nâng cao các chỉ tiêu trong tiếp nhận, giải quyết TTHC hai cấp huyện, xã' },
    cites: ['4707/KH-UBND', '1217/QĐ-UBND'],
    tasks: [
      { title: 'Hoàn thành số hóa hồ sơ, kết quả giải quyết TTHC chưa số hóa từ đầu năm 2022 (trong tháng 9/2022)', assignees: ALL, monitor: '@VP', recurrence: 'once', dueOn: '2022-09-30', endsOn: null, pattern: 'mostly_on_time' },
      // The letter names no date for the next three; the demo gives them the month's end as the task above.
      { title: 'Rà soát, đăng ký chữ ký số cá nhân cho cán bộ, công chức tiếp nhận, giải quyết TTHC, gửi về UBND huyện (qua Phòng Văn hóa và Thông tin)', assignees: ALL, monitor: '@VHTT', recurrence: 'once', dueOn: '2022-09-30', endsOn: null, pattern: 'mostly_on_time' },
      { title: 'Cấp phát chứng thư số đã được Ban Cơ yếu Chính phủ cấp; tổng hợp danh sách đăng ký chữ ký số bổ sung, đề nghị Sở Thông tin và Truyền thông cấp', assignees: ['@VHTT'], monitor: '@VP', recurrence: 'once', dueOn: '2022-09-30', endsOn: null, pattern: 'office_on_time' },
      { title: 'Tổng hợp danh sách cán bộ, công chức cấp xã có tài khoản Dịch vụ công quốc gia nhưng chưa được cấp quyền chứng thực điện tử, gửi Sở Thông tin và Truyền thông', assignees: ['@TP'], monitor: '@VP', recurrence: 'once', dueOn: '2022-09-30', endsOn: null, pattern: 'office_returned' },
    ],
  },
  {
    // Seed 000, as sent: the ten criticised communes report before 20/9/2022 via Phòng Nội vụ; the
    // office summarises weekly for the rest of 2022.
    directive: { direction: 'outgoing', docType: 'Công văn', number: '1262/UBND-VP', issuedOn: '2022-09-15', issuer: DISTRICT, topic: 'digitization', subject: 'V/v tăng cường thực hiện số hóa hồ sơ, kết quả giải quyết TTHC và chứng thực bản sao điện tử' },
    cites: ['4707/KH-UBND', '1217/QĐ-UBND', '1219/UBND-VP'],
    tasks: [
      { title: 'Kiểm điểm làm rõ trách nhiệm của các công chức có liên quan, báo cáo Chủ tịch UBND huyện (qua Phòng Nội vụ huyện)', assignees: CRITICISED_000, monitor: '@NV', recurrence: 'once', dueOn: '2022-09-19', endsOn: null, pattern: 'self_criticism' },
      { title: 'Tổng hợp kết quả số hóa hồ sơ, chứng thực bản sao điện tử hằng tuần, báo cáo Chủ tịch, các Phó Chủ tịch UBND huyện', assignees: ['@VP'], monitor: '', recurrence: 'weekly:5', dueOn: null, endsOn: '2022-12-31', pattern: 'office_recurring' },
    ],
  },
  {
    // Seed 002 carries out the province's 3607/UBND-VP, recorded as incoming; 002 itself (October
    // 2023, no number or day in the seed) is dated 05/10/2023 here, after 3607 reached the district.
    directive: { direction: 'incoming', docType: 'Công văn', number: '3607/UBND-VP', issuedOn: '2023-09-28', issuer: 'UBND tỉnh Hải Dương', topic: null, subject: 'V/v triển khai các nhiệm vụ cải cách thủ tục hành chính trọng tâm từ nay đến hết năm 2023' },
    cites: [],
    tasks: [],
  },
  {
    directive: { direction: 'outgoing', docType: 'Công văn', number: '…/UBND-VP (dự thảo 10/2023)', issuedOn: '2023-10-05', issuer: DISTRICT, topic: 'administrative-reform', subject: 'V/v triển khai các nhiệm vụ cải cách thủ tục hành chính trọng tâm từ nay đến hết năm 2023' },
    cites: ['63/TCTCCTTHC'],
    tasks: [
      { title: 'a) Niêm yết công khai TTHC đúng quy định; duy trì, nâng cao tỷ lệ số hóa hồ sơ, kết quả; tăng tỷ lệ thanh toán trực tuyến', assignees: ALL, monitor: '@VP', recurrence: 'once', dueOn: '2023-12-29', endsOn: null, pattern: 'mostly_on_time' },
      { title: 'b) Rà soát quy trình, thủ tục hành chính nội bộ; kiến nghị cắt giảm, phân cấp giải quyết TTHC', assignees: ALL, monitor: '@VP', recurrence: 'once', dueOn: '2023-12-29', endsOn: null, pattern: 'mostly_on_time' },
      { title: 'c) Báo cáo trách nhiệm giải trình của người đứng đầu về kết quả cải cách TTHC, kiểm soát TTHC, cơ chế một cửa', assignees: ALL, monitor: '@VP', recurrence: 'once', dueOn: '2023-12-29', endsOn: null, pattern: 'mostly_on_time' },
      { title: 'd) Báo cáo kết quả thực hiện nhiệm vụ trọng tâm đột phá, đột phá sáng tạo năm 2023', assignees: ALL, monitor: '@VP', recurrence: 'once', dueOn: '2023-12-29', endsOn: null, pattern: 'mostly_on_time' },
      { title: 'Theo dõi, đánh giá kết quả thực hiện; tham mưu xem xét, đánh giá xếp loại cơ quan, cá nhân', assignees: ['@NV'], monitor: '', recurrence: 'once', dueOn: '2023-12-29', endsOn: null, pattern: 'office_on_time' },
      { title: 'Tổng hợp báo cáo kết quả giải quyết TTHC hằng tháng của các cơ quan, đơn vị', assignees: ['@VP'], monitor: '', recurrence: 'monthly:25', dueOn: null, endsOn: '2023-12-31', pattern: 'office_recurring' },
    ],
  },
]

/** "Văn Tố" → its code; "@VP" → Tứ Kỳ's office; "" → Tứ Kỳ; "*" → every commune of Tứ Kỳ. */
export function demoUnitCodes(names: readonly string[]): string[] {
  return names.flatMap((name) => (name === '*' ? TU_KY_COMMUNE_NAMES.map(tuKyCommuneCode) : [demoUnitCode(name)]))
}

export function demoUnitCode(name: string): string {
  if (name === '') return TU_KY_CODE
  if (name.startsWith('@')) return `${TU_KY_CODE}.${name.slice(1)}`
  return tuKyCommuneCode(name)
}
