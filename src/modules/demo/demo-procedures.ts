import type { ProcedureComponent, ProcedureInput } from '../../domain/procedures/procedure-input.js'

/**
 * The demo's procedure catalogue: the commune and district procedures a one-stop shop in Tứ Kỳ
 * handled most in 2022–2023.
 *
 * Codes marked "verified" were found, with the same name, in at least two independent public
 * sources that copy the national procedure database (csdl.dichvucong.gov.vn); "one source" means
 * one such source only; "unverified" codes are the author's best recollection and must be
 * checked against the national database before real use. Processing times are the legal ones
 * (Luật Hộ tịch 2014, Nghị định 23/2015 on certification, Luật Xây dựng 2014, Nghị định 43/2014
 * as amended, Nghị định 01/2021). Fees of certification follow Thông tư 226/2016/TT-BTC and the
 * extract fee Thông tư 281/2016/TT-BTC; the other fees are set by the provincial People's
 * Council and are plausible values, not Hải Dương's confirmed ones ("fee unverified").
 *
 * Online levels reflect 2022 practice: civil-status registrations could be filed online, the
 * person still had to come for signatures and certifications, so signature, contract and will
 * certifications and foreign marriages are `none`.
 */

const required = (name: string): ProcedureComponent => ({ name, required: true })
const optional = (name: string): ProcedureComponent => ({ name, required: false })

const ID_PAPERS = 'Giấy tờ tùy thân của người yêu cầu (hộ chiếu, căn cước công dân hoặc giấy tờ có ảnh còn giá trị)'
const AUTHORISATION = 'Văn bản ủy quyền (trường hợp ủy quyền thực hiện)'

export const CERTIFICATION_CUTOFF = '15:00'

/** The procedure whose dossiers can carry electronic certified copies. */
export const COPY_CERTIFICATION_CODE = '2.000815'

export const COMMUNE_PROCEDURES: readonly ProcedureInput[] = [
  {
    code: '1.001193', // verified
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'full',
    processingDays: 0, // ngay trong ngày tiếp nhận
    feeVnd: 0, // miễn lệ phí đăng ký khai sinh đúng hạn
    components: [
      required('Tờ khai đăng ký khai sinh'),
      required('Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh'),
      required(ID_PAPERS),
      optional(AUTHORISATION),
    ],
  },
  {
    code: '1.000656', // verified
    name: 'Thủ tục đăng ký khai tử',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'full',
    processingDays: 0,
    feeVnd: 0, // miễn lệ phí đăng ký khai tử đúng hạn
    components: [
      required('Tờ khai đăng ký khai tử'),
      required('Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử'),
      required(ID_PAPERS),
      optional(AUTHORISATION),
    ],
  },
  {
    code: '1.000894', // verified
    name: 'Thủ tục đăng ký kết hôn',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'partial', // both must appear in person to sign
    processingDays: 0, // ngay sau khi nhận đủ giấy tờ
    feeVnd: 0, // miễn lệ phí đăng ký kết hôn trong nước
    components: [
      required('Tờ khai đăng ký kết hôn'),
      required('Giấy tờ tùy thân của hai bên nam, nữ'),
      optional('Giấy xác nhận tình trạng hôn nhân (trường hợp không đăng ký tại nơi thường trú)'),
    ],
  },
  {
    code: '1.004873', // verified
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'full',
    processingDays: 3,
    feeVnd: 5_000, // fee unverified
    components: [
      required('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân'),
      required(ID_PAPERS),
      optional('Giấy tờ chứng minh đã ly hôn hoặc người vợ, chồng đã chết'),
    ],
  },
  {
    code: '1.001022', // one source
    name: 'Thủ tục đăng ký nhận cha, mẹ, con',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'partial',
    processingDays: 3,
    feeVnd: 10_000, // fee unverified
    components: [
      required('Tờ khai đăng ký nhận cha, mẹ, con'),
      required('Văn bản, chứng cứ chứng minh quan hệ cha, mẹ, con'),
      required(ID_PAPERS),
    ],
  },
  {
    code: '1.000689', // one source
    name: 'Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'partial',
    processingDays: 3,
    feeVnd: 10_000, // fee unverified
    components: [
      required('Tờ khai đăng ký khai sinh'),
      required('Tờ khai đăng ký nhận cha, mẹ, con'),
      required('Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh'),
      required('Văn bản, chứng cứ chứng minh quan hệ cha, con hoặc mẹ, con'),
      required(ID_PAPERS),
    ],
  },
  {
    code: '1.004859', // verified
    name: 'Thủ tục đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'partial',
    processingDays: 3,
    feeVnd: 10_000, // fee unverified
    components: [
      required('Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch'),
      required('Giấy tờ hộ tịch cần thay đổi, cải chính, bổ sung'),
      required('Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung'),
      required(ID_PAPERS),
    ],
  },
  {
    code: '1.004884', // verified
    name: 'Thủ tục đăng ký lại khai sinh',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'partial',
    processingDays: 5,
    feeVnd: 5_000, // fee unverified
    components: [
      required('Tờ khai đăng ký lại khai sinh'),
      required('Bản sao giấy tờ làm căn cứ đăng ký lại khai sinh'),
      optional('Văn bản cam đoan đã đăng ký khai sinh nhưng không lưu giữ được bản chính Giấy khai sinh'),
      required(ID_PAPERS),
    ],
  },
  {
    code: '2.000635', // verified
    name: 'Thủ tục cấp bản sao Trích lục hộ tịch',
    field: 'Hộ tịch',
    level: 'commune',
    onlineLevel: 'full',
    processingDays: 0,
    feeVnd: 8_000, // 8.000 đồng/bản sao trích lục (Thông tư 281/2016/TT-BTC)
    components: [required('Tờ khai cấp bản sao trích lục hộ tịch'), required(ID_PAPERS), optional(AUTHORISATION)],
  },
  {
    code: COPY_CERTIFICATION_CODE, // verified
    name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'commune',
    onlineLevel: 'partial', // e-copies are filed online, the original is shown at the desk
    processingDays: 0, // trong ngày; sau 15 giờ thì ngày làm việc tiếp theo
    feeVnd: 2_000, // 2.000 đ/trang cho 2 trang đầu, 1.000 đ/trang từ trang thứ 3, tối đa 200.000 đ/bản (the dossier's fee is computed from its pages)
    cutoffTime: CERTIFICATION_CUTOFF,
    components: [
      required('Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao'),
      required('Bản sao cần chứng thực'),
    ],
  },
  {
    code: '2.000884', // verified
    name: 'Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không ký, không điểm chỉ được)',
    field: 'Chứng thực',
    level: 'commune',
    onlineLevel: 'none',
    processingDays: 0,
    feeVnd: 10_000, // 10.000 đ/trường hợp (Thông tư 226/2016/TT-BTC)
    cutoffTime: CERTIFICATION_CUTOFF,
    components: [required(ID_PAPERS), required('Giấy tờ, văn bản mà người yêu cầu chứng thực sẽ ký')],
  },
  {
    code: '2.001035', // one source
    name: 'Thủ tục chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở',
    field: 'Chứng thực',
    level: 'commune',
    onlineLevel: 'none',
    processingDays: 2,
    feeVnd: 50_000, // 50.000 đ/hợp đồng, giao dịch (Thông tư 226/2016/TT-BTC)
    cutoffTime: CERTIFICATION_CUTOFF,
    components: [
      required('Dự thảo hợp đồng, giao dịch'),
      required(ID_PAPERS),
      required('Bản sao Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản'),
    ],
  },
  {
    code: '2.001019', // one source
    name: 'Thủ tục chứng thực di chúc',
    field: 'Chứng thực',
    level: 'commune',
    onlineLevel: 'none',
    processingDays: 2,
    feeVnd: 50_000, // 50.000 đ/di chúc
    cutoffTime: CERTIFICATION_CUTOFF,
    components: [
      required('Dự thảo di chúc'),
      required('Giấy tờ tùy thân của người lập di chúc'),
      optional('Giấy tờ chứng minh quyền sở hữu, quyền sử dụng tài sản (trường hợp di chúc liên quan đến tài sản phải đăng ký)'),
    ],
  },
  {
    code: '1.001699', // verified
    name: 'Thủ tục xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    field: 'Bảo trợ xã hội',
    level: 'commune',
    onlineLevel: 'partial',
    processingDays: 25, // one source (current text); 2022 text unverified
    feeVnd: 0,
    components: [
      required('Đơn đề nghị xác định, xác định lại mức độ khuyết tật'),
      optional('Bản sao các giấy tờ liên quan đến khuyết tật (bệnh án, giấy tờ khám, điều trị, phẫu thuật)'),
    ],
  },
]

export const DISTRICT_PROCEDURES: readonly ProcedureInput[] = [
  {
    code: '1.001612', // two sources, both code lists from 2025; unverified for 2022
    name: 'Thủ tục đăng ký thành lập hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'district',
    onlineLevel: 'full',
    processingDays: 3,
    feeVnd: 100_000, // fee unverified
    components: [
      required('Giấy đề nghị đăng ký hộ kinh doanh'),
      required('Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh và các thành viên hộ gia đình đăng ký hộ kinh doanh'),
      optional('Bản sao biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh'),
      optional('Bản sao văn bản ủy quyền của thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh'),
    ],
  },
  {
    code: '2.000720', // two sources
    name: 'Thủ tục đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
    field: 'Thành lập và hoạt động của hộ kinh doanh',
    level: 'district',
    onlineLevel: 'full',
    processingDays: 3,
    feeVnd: 50_000, // fee unverified
    components: [
      required('Thông báo thay đổi nội dung đăng ký hộ kinh doanh'),
      required('Bản sao giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh'),
      optional('Bản sao biên bản họp thành viên hộ gia đình về việc thay đổi nội dung đăng ký'),
    ],
  },
  {
    code: '1.009122', // unverified: seen once as the pre-2025 code of this permit
    name: 'Thủ tục cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    level: 'district',
    onlineLevel: 'partial',
    processingDays: 15, // Luật Xây dựng 2014, art. 102: không quá 15 ngày đối với nhà ở riêng lẻ
    feeVnd: 50_000, // fee unverified
    components: [
      required('Đơn đề nghị cấp giấy phép xây dựng'),
      required('Bản sao giấy tờ chứng minh quyền sử dụng đất'),
      required('Bản vẽ thiết kế xây dựng (02 bộ)'),
      optional('Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế'),
    ],
  },
  {
    code: '1.004227', // unverified
    name: 'Thủ tục đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu',
    field: 'Đất đai',
    level: 'district', // UBND cấp huyện cấp cho hộ gia đình, cá nhân (Luật Đất đai 2013, art. 105)
    onlineLevel: 'partial',
    processingDays: 20, // unverified for Hải Dương (Nghị định 43/2014 as amended: không quá 20 ngày)
    feeVnd: 100_000, // fee unverified
    components: [
      required('Đơn đăng ký, cấp Giấy chứng nhận (Mẫu số 04a/ĐK)'),
      optional('Giấy tờ về quyền sử dụng đất'),
      optional('Giấy tờ về tài sản gắn liền với đất'),
      optional('Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ liên quan đến việc miễn, giảm'),
      optional('Sơ đồ nhà ở, công trình xây dựng'),
    ],
  },
  {
    code: '1.003010', // unverified
    name: 'Thủ tục đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    field: 'Đất đai',
    // Decided by the branch of the provincial land registration office (Chi nhánh Văn phòng
    // đăng ký đất đai), received at the district one-stop shop: the receiving and the deciding
    // unit differ, as DOMAIN.md allows.
    level: 'province',
    onlineLevel: 'partial',
    processingDays: 10, // Nghị định 43/2014 as amended by Nghị định 01/2017
    feeVnd: 30_000, // fee unverified
    components: [
      required('Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 09/ĐK)'),
      required('Hợp đồng, văn bản về việc chuyển quyền đã được công chứng, chứng thực'),
      required('Bản gốc Giấy chứng nhận đã cấp'),
      required('Tờ khai lệ phí trước bạ, tờ khai thuế thu nhập cá nhân'),
    ],
  },
  {
    code: '2.000528', // one source
    name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài',
    field: 'Hộ tịch',
    level: 'district',
    onlineLevel: 'partial',
    processingDays: 3, // unverified
    feeVnd: 75_000, // fee unverified
    components: [
      required('Tờ khai đăng ký khai sinh'),
      required('Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh'),
      optional('Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con'),
      required('Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của cha, mẹ'),
    ],
  },
  {
    code: '2.000806', // one source
    name: 'Thủ tục đăng ký kết hôn có yếu tố nước ngoài',
    field: 'Hộ tịch',
    level: 'district',
    onlineLevel: 'none',
    processingDays: 15, // Luật Hộ tịch 2014, art. 38
    feeVnd: 1_000_000, // fee unverified
    components: [
      required('Tờ khai đăng ký kết hôn'),
      required('Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài'),
      required('Giấy xác nhận của tổ chức y tế về việc không mắc bệnh tâm thần'),
      required('Bản sao hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu'),
    ],
  },
]

export function buildDemoProcedures(): ProcedureInput[] {
  return [...COMMUNE_PROCEDURES, ...DISTRICT_PROCEDURES].map((procedure) => ({
    ...procedure,
    cutoffTime: procedure.cutoffTime ?? null,
    components: procedure.components ? [...procedure.components] : [],
  }))
}

/**
 * How often each procedure comes to the counter (relative weights). Copy certification is
 * the bulk of a commune's work; land registration that of the district one-stop shop.
 */
export const COMMUNE_PROCEDURE_WEIGHTS: readonly (readonly [string, number])[] = [
  [COPY_CERTIFICATION_CODE, 45],
  ['2.000884', 10],
  ['1.001193', 10],
  ['2.000635', 8],
  ['1.004873', 6],
  ['1.000656', 4],
  ['1.000894', 4],
  ['2.001035', 4],
  ['1.004859', 2],
  ['1.004884', 1],
  ['1.000689', 1],
  ['1.001699', 1],
  ['1.001022', 0.5],
  ['2.001019', 0.5],
]

export const DISTRICT_PROCEDURE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['1.003010', 35],
  ['1.001612', 20],
  ['1.009122', 15],
  ['1.004227', 10],
  ['2.000720', 8],
  ['2.000528', 1],
  ['2.000806', 1],
]
