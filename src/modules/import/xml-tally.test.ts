import { describe, expect, it } from 'vitest'
import { XmlTally } from './xml-tally.js'

const tally = (xml: string, chunkSize: number) => {
  const t = new XmlTally()
  const bytes = Buffer.from(xml)
  for (let i = 0; i < bytes.length; i += chunkSize) t.feed(bytes.subarray(i, i + chunkSize))
  return { cells: t.cells, rowCells: t.rowCells, strings: t.strings, longestRun: t.longestRun }
}

const SHEET = '<worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row><row r="2"><c r="A2"><v>12345</v></c><c\nr="B2"/><c>\t</c></row></sheetData></worksheet>'

describe('counting what a spreadsheet reader would hold', () => {
  it('cells, the last row’s cells, shared strings and the longest text, whatever the chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 64, 10_000]) {
      expect(tally(SHEET, size)).toEqual({ cells: 5, rowCells: 3, strings: 0, longestRun: 'c r="A1" t="s">'.length })
    }
    for (const size of [1, 4, 1000]) expect(tally('<sst><si><t>a</t></si><si><t>bb</t></si><sheet/></sst>', size).strings).toBe(2)
  })

  it('a long text or attribute, even at the end', () => {
    expect(tally(`<t>${'x'.repeat(5000)}</t>`, 333).longestRun).toBe(5000 + 2)
    expect(tally(`<t a="${'y'.repeat(100)}"`, 7).longestRun).toBe(106)
  })
})
