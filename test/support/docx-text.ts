import JSZip from 'jszip'

export interface DocxContent {
  /** word/document.xml as stored. */
  xml: string
  styles: string
  /** The text of every paragraph (w:p), in order, cells included. */
  paragraphs: string[]
  /** Every section's properties (w:sectPr), in order. */
  sections: string[]
  /** The text of the header parts (page numbers). */
  headers: string[]
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" }

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity]!)
}

/** The text of a fragment of WordprocessingML: its w:t runs joined. */
export function textOf(xml: string): string {
  return decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
}

/** Unzips a DOCX and reads its main part back: text by paragraph, sections, styles. */
export async function readDocx(bytes: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('word/document.xml')!.async('string')
  const styles = await zip.file('word/styles.xml')!.async('string')
  const headerNames = Object.keys(zip.files).filter((name) => /^word\/header\d*\.xml$/.test(name))
  const headers = await Promise.all(headerNames.map((name) => zip.file(name)!.async('string')))
  return {
    xml,
    styles,
    paragraphs: [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((m) => textOf(m[1]!)),
    sections: [...xml.matchAll(/<w:sectPr(?:\s[^>]*)?>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]),
    headers,
  }
}

/** The first paragraph (w:p element, with its properties) whose text is exactly `text`. */
export function paragraphXml(xml: string, text: string): string {
  const found = [...xml.matchAll(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => textOf(p) === text)
  if (!found) throw new Error(`no paragraph "${text}"`)
  return found
}

/** Twips (1/20 point) to millimetres. */
export function mm(twips: number): number {
  return (twips / 1440) * 25.4
}
