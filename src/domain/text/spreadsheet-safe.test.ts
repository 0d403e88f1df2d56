import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readSpreadsheetSafe, spreadsheetSafe } from './spreadsheet-safe.js'

describe('cells a spreadsheet would run as formulas', () => {
  it.each(['=HYPERLINK("http://x","bấm")', '+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1,2)', '\t=1+1', '\r=1+1', "'=1+1", "''+1"])('%j gets an apostrophe before it', (value) => {
    expect(spreadsheetSafe(value)).toBe(`'${value}`)
  })

  it.each(['H23.07.01', '1.001193', '-5', '+84912345678', '-1,5', '2022-09-05T08:00:00+07:00', 'Xã An Thanh', "'trích dẫn", '', 'a=b'])('%j is left as it is', (value) => {
    expect(spreadsheetSafe(value)).toBe(value)
  })

  it('reading back gives exactly what was written, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '1', ',', ' ') }), (value) => readSpreadsheetSafe(spreadsheetSafe(value)) === value))
    fc.assert(fc.property(fc.string(), (value) => readSpreadsheetSafe(spreadsheetSafe(value)) === value))
  })
})
