import type { DatabaseHandle } from '../../db/open-database.js'
import type { FileStore } from '../desk/file-store.js'
import { attachProcedureForm } from '../procedures/forms/attach-procedure-form.js'
import { blankFormDocx, type BlankForm } from '../procedures/forms/blank-form-docx.js'
import { existingProcedureCodes, formsOfProcedures } from '../procedures/forms/procedure-forms.repository.js'

/**
 * The demo's forms: the civil-status declarations of Thông tư 04/2020/TT-BTP (as amended by
 * Thông tư 04/2024/TT-BTP), their headings and fields as the official forms have them,
 * generated as Word documents at seeding time.
 */
interface DemoForm extends BlankForm {
  procedureCode: string
  code: string
  name: string
  fileName: string
}

const ADDRESSEE = 'Ủy ban nhân dân xã/phường/thị trấn ……………………'
const REQUESTER = {
  heading: 'Người yêu cầu',
  fields: ['Họ, chữ đệm, tên người yêu cầu', 'Nơi cư trú', 'Giấy tờ tùy thân (loại, số, ngày cấp, nơi cấp)'],
}
/** A declaration of Thông tư 04/2020/TT-BTP: its name is its title, its file's name and its source's. */
function civilStatusForm(procedureCode: string, code: string, name: string, content: Pick<BlankForm, 'sections' | 'pledge' | 'signer'>): DemoForm {
  return { procedureCode, code, name, fileName: `${name}.docx`, source: `Mẫu ${name} — Thông tư 04/2020/TT-BTP`, title: name, addressee: ADDRESSEE, ...content }
}

const PLEDGE = 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.'

export const DEMO_FORMS: readonly DemoForm[] = [
  civilStatusForm('1.001193', 'TK-KS', 'Tờ khai đăng ký khai sinh', {
    sections: [
      { ...REQUESTER, fields: [...REQUESTER.fields, 'Quan hệ với người được khai sinh'] },
      {
        heading: 'Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:',
        fields: ['Họ, chữ đệm, tên', 'Ngày, tháng, năm sinh (ghi bằng chữ)', 'Giới tính', 'Dân tộc', 'Quốc tịch', 'Nơi sinh', 'Quê quán'],
      },
      { heading: 'Thông tin về cha, mẹ', fields: ['Họ, chữ đệm, tên người mẹ', 'Năm sinh; dân tộc; quốc tịch của người mẹ', 'Nơi cư trú của người mẹ', 'Họ, chữ đệm, tên người cha', 'Năm sinh; dân tộc; quốc tịch của người cha', 'Nơi cư trú của người cha'] },
    ],
    pledge: ['Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật.', 'Tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.'],
    signer: 'Người yêu cầu',
  }),
  civilStatusForm('1.000656', 'TK-KT', 'Tờ khai đăng ký khai tử', {
    sections: [
      { ...REQUESTER, fields: [...REQUESTER.fields, 'Quan hệ với người đã chết'] },
      {
        heading: 'Đề nghị cơ quan đăng ký khai tử cho người có tên dưới đây:',
        fields: ['Họ, chữ đệm, tên', 'Ngày, tháng, năm sinh', 'Giới tính', 'Dân tộc', 'Quốc tịch', 'Nơi cư trú cuối cùng', 'Giấy tờ tùy thân', 'Đã chết vào lúc (giờ, phút, ngày, tháng, năm)', 'Nơi chết', 'Nguyên nhân chết', 'Số Giấy báo tử hoặc giấy tờ thay thế; ngày cấp; cơ quan cấp'],
      },
    ],
    pledge: [PLEDGE],
    signer: 'Người yêu cầu',
  }),
  civilStatusForm('1.000894', 'TK-KH', 'Tờ khai đăng ký kết hôn', {
    sections: [
      { heading: 'Thông tin bên nữ', fields: ['Họ, chữ đệm, tên', 'Ngày, tháng, năm sinh', 'Dân tộc', 'Quốc tịch', 'Nơi cư trú', 'Giấy tờ tùy thân', 'Kết hôn lần thứ mấy'] },
      { heading: 'Thông tin bên nam', fields: ['Họ, chữ đệm, tên', 'Ngày, tháng, năm sinh', 'Dân tộc', 'Quốc tịch', 'Nơi cư trú', 'Giấy tờ tùy thân', 'Kết hôn lần thứ mấy'] },
    ],
    pledge: ['Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam.', 'Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.'],
    signer: 'Bên nữ                                        Bên nam',
  }),
  civilStatusForm('1.004873', 'TK-XNHN', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', {
    sections: [
      { ...REQUESTER, fields: [...REQUESTER.fields, 'Quan hệ với người được cấp Giấy xác nhận tình trạng hôn nhân'] },
      {
        heading: 'Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây:',
        fields: ['Họ, chữ đệm, tên', 'Ngày, tháng, năm sinh', 'Giới tính', 'Dân tộc', 'Quốc tịch', 'Giấy tờ tùy thân', 'Nơi cư trú', 'Trong thời gian cư trú tại … từ ngày … tháng … năm … đến ngày … tháng … năm …', 'Tình trạng hôn nhân', 'Mục đích sử dụng Giấy xác nhận tình trạng hôn nhân'],
      },
    ],
    pledge: [PLEDGE],
    signer: 'Người yêu cầu',
  }),
  civilStatusForm('2.000635', 'TK-TL', 'Tờ khai cấp bản sao trích lục hộ tịch', {
    sections: [
      { ...REQUESTER, fields: [...REQUESTER.fields, 'Quan hệ với người được cấp bản sao trích lục hộ tịch'] },
      { heading: 'Đề nghị cấp bản sao trích lục hộ tịch:', fields: ['Loại việc hộ tịch (khai sinh, kết hôn, khai tử…)', 'Họ, chữ đệm, tên người được cấp', 'Ngày, tháng, năm sinh', 'Nơi đăng ký', 'Số, quyển số, ngày đăng ký', 'Số lượng bản sao đề nghị cấp'] },
    ],
    pledge: [PLEDGE],
    signer: 'Người yêu cầu',
  }),
]

/**
 * Attaches the demo forms through the same use case as `procedures forms add`, each once:
 * a form already attached (by procedure and code) is left as it is, so seeding again changes
 * nothing. Returns how many were attached.
 */
export async function seedDemoProcedureForms(handle: DatabaseHandle, store: FileStore): Promise<number> {
  const existing = await formsOfProcedures(handle.db, DEMO_FORMS.map((f) => f.procedureCode))
  const known = await existingProcedureCodes(handle.db, DEMO_FORMS.map((f) => f.procedureCode))
  let attached = 0
  for (const form of DEMO_FORMS) {
    if (!known.has(form.procedureCode) || existing.get(form.procedureCode)?.some((f) => f.code === form.code)) continue
    await attachProcedureForm(handle.db, store, { procedureCode: form.procedureCode, code: form.code, name: form.name, fileName: form.fileName, bytes: await blankFormDocx(form) }, { actor: 'system' })
    attached++
  }
  return attached
}
