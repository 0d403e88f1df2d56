import { AlignmentType, Document, Packer, Paragraph, TextRun, UnderlineType } from 'docx'

/**
 * A blank form (tờ khai) as a Word document laid out like the Ministry of Justice's forms: the
 * national motto, the title, "Kính gửi", each field followed by dots to write on, the pledge and
 * the signature block. Used to generate the demo's forms in code — no binary in the repository.
 */
export interface BlankForm {
  /** The legal source printed top right, e.g. "Mẫu TK01 — Thông tư 04/2020/TT-BTP". */
  source: string
  title: string
  addressee: string
  sections: readonly { heading?: string; fields: readonly string[] }[]
  pledge: readonly string[]
  signer: string
}

const FONT = 'Times New Roman'
const DOTS = '…'.repeat(40)
const text = (value: string, options: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text: value, font: FONT, size: (options.size ?? 13) * 2, bold: options.bold ?? false, italics: options.italics ?? false, ...(options.underline ? { underline: { type: UnderlineType.SINGLE } } : {}) })
const centred = (...runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs })
const field = (label: string) => new Paragraph({ spacing: { before: 80 }, children: [text(`${label}: `), text(DOTS)] })

export function blankFormDocx(form: BlankForm): Promise<Buffer> {
  const body: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(form.source, { italics: true, size: 11 })] }),
    centred(text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true })),
    centred(text('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14, underline: true })),
    new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.CENTER, children: [text(form.title.toUpperCase(), { bold: true, size: 14 })] }),
    new Paragraph({ spacing: { before: 160, after: 160 }, alignment: AlignmentType.CENTER, children: [text(`Kính gửi: ${form.addressee}`)] }),
  ]
  for (const section of form.sections) {
    if (section.heading) body.push(new Paragraph({ spacing: { before: 160 }, children: [text(section.heading, { bold: true })] }))
    body.push(...section.fields.map(field))
  }
  body.push(...form.pledge.map((line) => new Paragraph({ spacing: { before: 160 }, alignment: AlignmentType.JUSTIFIED, children: [text(line)] })))
  body.push(
    new Paragraph({ spacing: { before: 240 }, alignment: AlignmentType.RIGHT, children: [text('Làm tại: …………………, ngày …… tháng …… năm ……', { italics: true })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(form.signer, { bold: true })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [text('(Ký, ghi rõ họ, chữ đệm, tên)', { italics: true })] }),
  )
  const document = new Document({
    creator: 'motcua',
    title: form.title,
    styles: { default: { document: { run: { font: FONT, size: 26, language: { value: 'vi-VN' } } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } }, children: body }],
  })
  return Packer.toBuffer(document)
}
