import { describe, expect, it } from 'vitest'
import { citationValues, checkCitedDocument, pickCitations, type CitedDocument } from './cited-documents.js'

const plan2022: CitedDocument = {
  topic: 'digitization', year: 2022, role: 'basis', docType: 'Kế hoạch', number: '4707/KH-UBND', issuedOn: '2021-12-24',
  issuer: 'UBND tỉnh Hải Dương', about: 'về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022', position: 1,
}
const decision2022: CitedDocument = {
  ...plan2022, docType: 'Quyết định', number: '1217/QĐ-UBND', issuedOn: '2022-05-12', position: 2,
  about: 'về việc giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến cho các Sở, ban, ngành, địa phương năm 2022',
}
const plan2023: CitedDocument = { ...plan2022, year: 2023, number: '4400/KH-UBND', issuedOn: '2022-12-20', about: 'về cải cách hành chính năm 2023' }
const letter1219: CitedDocument = { topic: 'digitization', year: 2022, role: 'letter', docType: 'Công văn', number: '1219/UBND-VP', issuedOn: '2022-09-12', issuer: '', about: '', position: 0 }
const all = [decision2022, letter1219, plan2022, plan2023]

describe('what a letter cites', () => {
  it('seed 000 (15/9/2022) carries out 2022’s plan and decision, and continues the letter of 12/9/2022', () => {
    const values = citationValues(pickCitations(all, { topic: 'digitization', year: 2022, date: '2022-09-15' }))
    expect(values.basis_documents).toBe(
      'Kế hoạch số 4707/KH-UBND ngày 24/12/2021 của UBND tỉnh Hải Dương về cải cách hành chính nhà nước tỉnh Hải Dương năm 2022; ' +
        'Quyết định số 1217/QĐ-UBND ngày 12/5/2022 của UBND tỉnh Hải Dương về việc giao chỉ tiêu hồ sơ thủ tục hành chính xử lý trực tuyến cho các Sở, ban, ngành, địa phương năm 2022',
    )
    expect(values.previous_letter).toBe('Công văn số 1219/UBND-VP ngày 12/9/2022')
  })

  it('a 2023 letter cites 2023’s plan, and no 2022 letter', () => {
    const citations = pickCitations(all, { topic: 'digitization', year: 2023, date: '2023-10-05' })
    expect(citations.basis.map((d) => d.number)).toEqual(['4400/KH-UBND'])
    expect(citations.previousLetter).toBeNull()
  })

  it('a letter never cites itself or a later one; the latest earlier letter wins; another topic is not cited', () => {
    const letter1262 = { ...letter1219, number: '1262/UBND-VP', issuedOn: '2022-09-15' }
    expect(pickCitations([letter1219, letter1262], { topic: 'digitization', year: 2022, date: '2022-09-12' }).previousLetter).toBeNull()
    expect(pickCitations([letter1219, letter1262], { topic: 'digitization', year: 2022, date: '2022-09-20' }).previousLetter?.number).toBe('1262/UBND-VP')
    expect(pickCitations([letter1219], { topic: 'online-payment', year: 2022, date: '2022-09-20' }).previousLetter).toBeNull()
  })

  it('nothing recorded: the placeholders are empty, so the template drops the sentence', () => {
    expect(citationValues(undefined)).toEqual({ basis_documents: '', previous_letter: '' })
  })

  it('a document needs a type, a number and a real date', () => {
    expect(checkCitedDocument({ ...letter1219, number: ' ', issuedOn: '2022-02-30' }).map((b) => b.field)).toEqual(['number', 'issued_on'])
  })
})
