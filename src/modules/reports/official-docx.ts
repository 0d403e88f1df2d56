import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx'
import type { Block, OfficialDocument } from '../../domain/reports/official-document.js'

/*
 * The layout of Decree 30/2020/NĐ-CP (Appendix I) for documents of a People's Committee:
 * A4, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing
 * authority (upper case, bold, 13) and the national title (upper case, bold, 12) with the motto
 * (bold, 13, underlined by a line as long as it) side by side; number and "V/v" under the
 * authority, the place and date (italic, 14) under the motto; body at 14, justified, first
 * lines indented; "Nơi nhận:" (bold italic 12, items 11) beside the signature block (bold 14);
 * page numbers from the second page, centred at the top.
 */

export const FONT = 'Times New Roman'
const MM = 56.6929 // twips per millimetre
const twips = (mm: number) => Math.round(mm * MM)

export const A4 = { width: 11906, height: 16838 } as const
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const
const PORTRAIT_TEXT = A4.width - twips(MARGINS_MM.left) - twips(MARGINS_MM.right)
const LANDSCAPE_TEXT = A4.height - twips(MARGINS_MM.left) - twips(MARGINS_MM.right)
const LEFT_COLUMN = twips(68)
const RIGHT_COLUMN = PORTRAIT_TEXT - LEFT_COLUMN

/** Sizes in points. */
const SIZE = { issuer: 13, nationalTitle: 12, motto: 13, number: 13, subject: 12, date: 14, body: 14, copiesHead: 12, copies: 11, table: 12, appendixTable: 11 } as const

interface RunStyle {
  size: number
  bold?: boolean
  italics?: boolean
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, font: FONT, size: style.size * 2, bold: style.bold ?? false, italics: style.italics ?? false })
}

function centred(text: string, style: RunStyle, after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO }, children: [run(text, style)] })
}

/**
 * A rough width in points of a line of Times New Roman: enough to draw the rules under the
 * motto (as long as it) and the authority (a third to a half of it) — Decree 30's lines.
 */
function textWidthPt(text: string, sizePt: number, bold: boolean): number {
  let em = 0
  for (const ch of text) {
    if (ch === ' ') em += 0.25
    else if (/[-–.,:;!]/.test(ch)) em += 0.33
    else if (ch === ch.toLocaleUpperCase('vi') && ch !== ch.toLocaleLowerCase('vi')) em += bold ? 0.72 : 0.68
    else em += bold ? 0.5 : 0.46
  }
  return em * sizePt
}

/** A thin line of `widthTwips`, centred in a column of `columnTwips`: an empty paragraph with a bottom border. */
function rule(widthTwips: number, columnTwips: number): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - widthTwips) / 2))
  return new Paragraph({
    spacing: { before: 0, after: 60, line: 60, lineRule: LineRuleType.EXACT },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  })
}

function cell(children: Paragraph[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, ...extra })
}

function headerTable(doc: OfficialDocument): Table {
  const issuerLast = doc.issuer[doc.issuer.length - 1] ?? ''
  const left = [
    // The authority above the issuer (Văn phòng's "UBND HUYỆN TỨ KỲ") is upright, not bold.
    ...(doc.issuerParent ? [centred(doc.issuerParent, { size: SIZE.issuer })] : []),
    ...doc.issuer.map((line) => centred(line, { size: SIZE.issuer, bold: true })),
    rule(Math.round(textWidthPt(issuerLast, SIZE.issuer, true) * 20 * 0.4), LEFT_COLUMN),
  ]
  const motto = 'Độc lập - Tự do - Hạnh phúc'
  const right = [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.nationalTitle, bold: true }),
    centred(motto, { size: SIZE.motto, bold: true }),
    rule(Math.round(textWidthPt(motto, SIZE.motto, true) * 20), RIGHT_COLUMN),
  ]
  const numberAndSubject = [
    centred(doc.numberLine, { size: SIZE.number }, doc.subject.length > 0 ? 120 : 0),
    ...doc.subject.map((line) => centred(line, { size: SIZE.subject })),
  ]
  const date = [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.placeDate, { size: SIZE.date, italics: true })] })]
  return new Table({
    width: { size: PORTRAIT_TEXT, type: WidthType.DXA },
    columnWidths: [LEFT_COLUMN, RIGHT_COLUMN],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [cell(left, LEFT_COLUMN), cell(right, RIGHT_COLUMN)] }),
      new TableRow({ children: [cell(numberAndSubject, LEFT_COLUMN), cell(date, RIGHT_COLUMN, { verticalAlign: VerticalAlign.TOP })] }),
    ],
  })
}

/** `keepWithNext`: on the same page as what follows, and not split itself (keepNext, keepLines). */
function bodyParagraph(text: string, bold = false, keepWithNext = false): Paragraph {
  return new Paragraph({
    ...(keepWithNext ? { keepNext: true, keepLines: true } : {}),
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twips(12.7) },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    children: [run(text, { size: SIZE.body, bold })],
  })
}

function recipientParagraphs(recipients: readonly string[]): Paragraph[] {
  if (recipients.length === 0) return []
  const spacing = { before: 0, after: 0, line: 276, lineRule: LineRuleType.AUTO }
  if (recipients.length === 1) {
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...spacing, after: 240 }, children: [run(`Kính gửi: ${recipients[0]}`, { size: SIZE.body })] })]
  }
  return [
    new Paragraph({ indent: { left: twips(25) }, spacing, children: [run('Kính gửi:', { size: SIZE.body })] }),
    ...recipients.map((line, i) => new Paragraph({ indent: { left: twips(45), hanging: twips(3) }, spacing: { ...spacing, after: i === recipients.length - 1 ? 240 : 0 }, children: [run(`- ${line}`, { size: SIZE.body })] })),
  ]
}

function dataTable(block: Extract<Block, { kind: 'table' }>, textWidth: number, size: number): Table {
  const count = block.header.length
  const percents = block.widths && block.widths.length === count ? block.widths : Array.from({ length: count }, () => 100 / count)
  const total = percents.reduce((a, b) => a + b, 0)
  const widths = percents.map((p) => Math.floor((p / total) * textWidth))
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line }
  const tableCell = (text: string, column: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[column]!, type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: column === 1 || (column === 0 && count > 2 && !/^\d*$/.test(text)) ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [run(text, { size, bold })],
        }),
      ],
    })
  const emphasis = new Set(block.emphasisRows ?? [])
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((text, i) => tableCell(text, i, true)) }),
      ...block.rows.map((row, r) => new TableRow({ cantSplit: true, children: row.map((text, i) => tableCell(text, i, emphasis.has(r))) })),
    ],
  })
}

/** The body; its last block, when a paragraph, is kept with what follows (the closing and the signature). */
function bodyBlocks(blocks: readonly Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = []
  blocks.forEach((block, i) => {
    const last = i === blocks.length - 1
    if (block.kind === 'paragraph') out.push(bodyParagraph(block.text, false, last))
    else if (block.kind === 'heading') out.push(bodyParagraph(block.text, true, true))
    else out.push(dataTable(block, PORTRAIT_TEXT, SIZE.table), new Paragraph({ spacing: { after: 120 }, children: [] }))
  })
  return out
}

function signatureTable(doc: OfficialDocument): Table {
  const half = Math.floor(PORTRAIT_TEXT / 2)
  const copies = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('Nơi nhận:', { size: SIZE.copiesHead, bold: true, italics: true })] }),
    ...doc.copiesTo.map((line) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(`- ${line}`, { size: SIZE.copies })] })),
  ]
  const sign = [
    ...doc.signer.authority.map((line) => centred(line, { size: SIZE.body, bold: true })),
    // Room for the signature and the seal.
    new Paragraph({ spacing: { before: 0, after: 0, line: 1700, lineRule: LineRuleType.EXACT }, children: [run('', { size: SIZE.body })] }),
    centred(doc.signer.name, { size: SIZE.body, bold: true }),
  ]
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(copies, half), cell(sign, half)] })],
  })
}

function titleParagraphs(title: NonNullable<OfficialDocument['title']>): Paragraph[] {
  const last = title.lines[title.lines.length - 1] ?? title.name
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, children: [run(title.name, { size: SIZE.body, bold: true })] }),
    ...title.lines.map((line) => centred(line, { size: SIZE.body, bold: true })),
    rule(Math.round(textWidthPt(last, SIZE.body, true) * 20 * 0.4), PORTRAIT_TEXT),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ]
}

function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.body * 2 })] })] })
}

const pageMargins = { top: twips(MARGINS_MM.top), bottom: twips(MARGINS_MM.bottom), left: twips(MARGINS_MM.left), right: twips(MARGINS_MM.right), header: twips(10), footer: twips(10) }

/** The DOCX of a letter or report: the official layout, the body, the signature, and a landscape appendix if it has one. */
export async function officialDocx(doc: OfficialDocument, meta: { title: string; description: string }): Promise<Buffer> {
  const sections: ISectionOptions[] = [
    {
      properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT }, margin: pageMargins }, titlePage: true },
      headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
      children: [
        headerTable(doc),
        ...(doc.title ? titleParagraphs(doc.title) : [new Paragraph({ spacing: { after: 240 }, children: [] })]),
        ...recipientParagraphs(doc.recipients),
        ...bodyBlocks(doc.body),
        // Decree 30: the signature never stands alone on the last page. The last paragraph, the
        // closing and the gap before the signature are each kept with the next (keepNext), the
        // signature row does not split (cantSplit): Word moves them to the next page together.
        ...(doc.closing ? [bodyParagraph(doc.closing, false, true)] : []),
        new Paragraph({ keepNext: true, keepLines: true, spacing: { after: 120 }, children: [] }),
        signatureTable(doc),
      ],
    },
  ]
  if (doc.appendix) {
    const appendix = doc.appendix
    sections.push({
      // docx swaps width and height itself for a landscape page: give it the portrait A4.
      properties: { page: { size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE }, margin: pageMargins } },
      headers: { default: pageNumberHeader() },
      children: [
        centred(appendix.title, { size: SIZE.body, bold: true }),
        ...appendix.lines.map((line, i) => centred(line, { size: 13, bold: i === 0, italics: i > 0 })),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
        dataTable(appendix.table, LANDSCAPE_TEXT, SIZE.appendixTable),
        ...appendix.notes.map((note) => new Paragraph({ spacing: { before: 60 }, children: [run(note, { size: SIZE.copies, italics: true })] })),
      ],
    })
  }
  const document = new Document({
    creator: 'motcua',
    title: meta.title,
    description: meta.description,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body * 2, language: { value: 'vi-VN' } } } } },
    sections,
  })
  return Packer.toBuffer(document)
}
