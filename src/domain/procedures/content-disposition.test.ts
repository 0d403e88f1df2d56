import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { attachmentDisposition } from './content-disposition.js'

/** What a header value may hold (Node refuses anything else with a 500). */
const HEADER_SAFE = /^[\x20-\x7e]*$/

describe('naming a download', () => {
  it('keeps a plain ASCII name as it is for old browsers, and in filename* for the others', () => {
    expect(attachmentDisposition('so-chung-thuc-H23.07.01-2026.xlsx')).toBe(
      `attachment; filename="so-chung-thuc-H23.07.01-2026.xlsx"; filename*=UTF-8''so-chung-thuc-H23.07.01-2026.xlsx`,
    )
  })

  it('stays one well-formed header whatever a unit code or a citizen’s file name holds', () => {
    for (const name of ['so-chung-thuc-"X"-2026.xlsx', 'danh-sach-Xã Một.xlsx', 'to khai\r\nSet-Cookie: a=b.pdf', 'a\\b.pdf', "Đơn (bản 'chính')*.pdf", '']) {
      const header = attachmentDisposition(name)
      expect(header, name).toMatch(HEADER_SAFE)
      const quoted = /^attachment; filename="([^"\\]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]*)$/.exec(header)
      expect(quoted, header).not.toBeNull()
      expect(decodeURIComponent(quoted![2]!), header).toBe(name.normalize('NFC'))
    }
  })
})

describe('the routes’ downloads', () => {
  it('are all named by attachmentDisposition: no route writes Content-Disposition by hand', () => {
    const routes = join(import.meta.dirname, '../../http/routes')
    const byHand = readdirSync(routes, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /filename="|filename\*=/.test(readFileSync(join(routes, file), 'utf8')))
    expect(byHand).toEqual([])
  })
})
