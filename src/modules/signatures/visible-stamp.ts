import { existsSync, readFileSync } from 'node:fs'
import {
  beginText, endText, moveText, PDFHexString, PDFName, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, setFontAndSize, setLineWidth,
  setStrokingRgbColor, showText, stroke, StandardFonts, type PDFDocument, type PDFPage, type PDFRef,
} from 'pdf-lib'
import { readTrueType, type TrueTypeFont } from './truetype-font.js'

/** Fonts with Vietnamese letters found on Debian (fonts-liberation2, fonts-dejavu); MOTCUA_STAMP_FONT names another. */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
]

let cachedFont: TrueTypeFont | null | undefined

function stampFont(): TrueTypeFont | null {
  if (cachedFont !== undefined) return cachedFont
  const path = [process.env.MOTCUA_STAMP_FONT, ...FONT_CANDIDATES].find((p): p is string => Boolean(p) && existsSync(p!))
  cachedFont = path ? readTrueType(readFileSync(path)) : null
  return cachedFont
}

const FONT_SIZE = 9
const PADDING = 6
const LINE_GAP = 3

interface PlacedFont {
  name: PDFName
  encode(text: string): PDFHexString
  widthOf(text: string): number
}

/** A Type0 font over the whole TrueType file (Identity-H: the codes are glyph ids), with a ToUnicode map so the text can be copied and searched. */
function embedTrueType(doc: PDFDocument, page: PDFPage, font: TrueTypeFont, text: string): PlacedFont {
  const context = doc.context
  const scale = 1000 / font.unitsPerEm
  const glyphs = new Map<number, number>() // glyph → code point
  for (const ch of text) glyphs.set(font.glyphOf(ch.codePointAt(0)!), ch.codePointAt(0)!)
  const widths = [...glyphs.keys()].sort((a, b) => a - b).flatMap((g) => [g, [Math.round(font.advanceOf(g) * scale)]])
  const fontFile = context.register(context.flateStream(font.bytes, { Length1: font.bytes.length }))
  const descriptor = context.register(context.obj({
    Type: 'FontDescriptor', FontName: 'MotcuaStamp', Flags: 32, FontBBox: font.bbox.map((v) => Math.round(v * scale)), ItalicAngle: 0,
    Ascent: Math.round(font.ascent * scale), Descent: Math.round(font.descent * scale), CapHeight: Math.round(font.ascent * scale), StemV: 80, FontFile2: fontFile,
  }))
  const cidFont = context.register(context.obj({
    Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'MotcuaStamp', CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('Identity'), Supplement: 0 },
    FontDescriptor: descriptor, W: widths, CIDToGIDMap: 'Identity',
  }))
  const hex4 = (n: number) => n.toString(16).padStart(4, '0')
  const utf16 = (cp: number) => [...String.fromCodePoint(cp)].map((c) => Buffer.from(c, 'utf16le').swap16().toString('hex')).join('')
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap', '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def', '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    `${glyphs.size} beginbfchar`, ...[...glyphs].map(([g, cp]) => `<${hex4(g)}> <${utf16(cp)}>`), 'endbfchar', 'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n')
  const type0: PDFRef = context.register(context.obj({
    Type: 'Font', Subtype: 'Type0', BaseFont: 'MotcuaStamp', Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: context.register(context.flateStream(toUnicode)),
  }))
  return {
    name: page.node.newFontDictionary('MotcuaStamp', type0),
    encode: (s) => PDFHexString.of([...s].map((ch) => hex4(font.glyphOf(ch.codePointAt(0)!))).join('')),
    widthOf: (s) => [...s].reduce((sum, ch) => sum + font.advanceOf(font.glyphOf(ch.codePointAt(0)!)), 0) * (FONT_SIZE / font.unitsPerEm),
  }
}

/** Without a font carrying Vietnamese letters the stamp falls back to Helvetica without diacritics. */
async function embedFallback(doc: PDFDocument, page: PDFPage): Promise<PlacedFont> {
  const helvetica = await doc.embedFont(StandardFonts.Helvetica)
  const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
  return {
    name: page.node.newFontDictionary('MotcuaStamp', helvetica.ref),
    encode: (s) => helvetica.encodeText(plain(s)),
    widthOf: (s) => helvetica.widthOfTextAtSize(plain(s), FONT_SIZE),
  }
}

/**
 * Draws the signature's visible stamp (a red box, as on seed 004: "Ký bởi: …", "Thời gian ký: …")
 * at the bottom right of the last page. Returns the box [x1, y1, x2, y2] for the signature widget.
 */
export async function drawStamp(doc: PDFDocument, lines: readonly string[]): Promise<[number, number, number, number]> {
  const page = doc.getPage(doc.getPageCount() - 1)
  const truetype = stampFont()
  const font = truetype ? embedTrueType(doc, page, truetype, lines.join('')) : await embedFallback(doc, page)
  const width = Math.max(...lines.map((l) => font.widthOf(l))) + 2 * PADDING
  const height = lines.length * (FONT_SIZE + LINE_GAP) - LINE_GAP + 2 * PADDING
  const { width: pageWidth } = page.getSize()
  const x = Math.max(10, pageWidth - width - 36)
  const y = 36
  page.pushOperators(
    pushGraphicsState(), setStrokingRgbColor(0.8, 0, 0), setLineWidth(1), rectangle(x, y, width, height), stroke(),
    setFillingRgbColor(0.8, 0, 0), beginText(), setFontAndSize(font.name, FONT_SIZE), moveText(x + PADDING, y + height - PADDING - FONT_SIZE + 2),
    ...lines.flatMap((line, i) => [...(i > 0 ? [moveText(0, -(FONT_SIZE + LINE_GAP))] : []), showText(font.encode(line))]),
    endText(), popGraphicsState(),
  )
  return [x, y, x + width, y + height]
}
