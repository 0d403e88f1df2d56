import { PDFDocument, StandardFonts } from 'pdf-lib'

/** An A4 page of plain text, as a result or a scan would be before signing. */
export async function plainPdf(lines: readonly string[] = ['GIAY CHUNG NHAN', 'Ket qua giai quyet thu tuc hanh chinh']): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595.28, 841.89])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  lines.forEach((line, i) => page.drawText(line, { x: 72, y: 760 - i * 18, size: 12, font }))
  return Buffer.from(await doc.save())
}
