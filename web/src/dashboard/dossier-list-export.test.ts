import { describe, expect, it } from 'vitest'
import type { DossierItem } from '../shared/api.js'
import { DOSSIER_LIST_HEADER, dossierListPrintHtml, dossierListRow } from './dossier-list-export.js'

const dossier = (over: Partial<DossierItem> = {}): DossierItem => ({
  code: 'H23.07.01-220905-001', unit_code: 'H23.07.01', unit_name: 'Xã An Thanh', procedure_code: '1.001193', procedure_name: 'Thủ tục đăng ký khai sinh',
  channel: 'online', status: 'returned', received_at: '2022-09-05T01:15:00.000Z', due_at: '2022-09-06T10:00:00.000Z', finished_at: '2022-09-06T02:00:00.000Z', returned_at: null,
  components_total: 2, components_digitized: 1, result_digitized: true, fee_vnd: 0, paid_online: false, ecert_copies: 0, rating: null, ...over,
})

describe('the drill-down list, exported and printed', () => {
  it('a row reads as on screen: the channel and status in words, dates in Vietnam time, scans as done/total', () => {
    const row = dossierListRow(dossier())
    expect(row).toHaveLength(DOSSIER_LIST_HEADER.length)
    expect(row).toEqual(['H23.07.01-220905-001', 'Xã An Thanh', 'Thủ tục đăng ký khai sinh', 'Trực tuyến', 'Đã trả kết quả', '5/9/2022 08:15', '6/9/2022 17:00', '6/9/2022 09:00', '1/2'])
  })

  it('the printed page escapes every cell, so a procedure name can never become markup', () => {
    const html = dossierListPrintHtml('Hồ sơ — Tỷ lệ <b>', 'Xã An Thanh', [dossier({ procedure_name: '<img src=x onerror=alert(1)>' })])
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('Hồ sơ — Tỷ lệ &lt;b&gt;')
    expect(html).toContain('size: A4 landscape')
  })
})
