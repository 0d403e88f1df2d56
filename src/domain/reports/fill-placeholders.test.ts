import { describe, expect, it } from 'vitest'
import { fillParagraphs } from './document-template.js'
import { fillPlaceholders, placeholdersIn } from './fill-placeholders.js'

describe('template texts', () => {
  it('every {placeholder} is filled from the figures', () => {
    expect(fillPlaceholders('kiểm điểm … trước ngày {deadline}, báo cáo năm {year}', { deadline: '20/9/2022', year: '2022' })).toBe('kiểm điểm … trước ngày 20/9/2022, báo cáo năm 2022')
    expect(placeholdersIn('{a} và {b}, lại {a}')).toEqual(['a', 'b'])
  })

  it('a placeholder the data does not have is a mistake in the template, refused with the names that exist', () => {
    expect(() => fillPlaceholders('trước ngày {dealine}', { deadline: '20/9/2022' }, 'body[6]')).toThrow(expect.objectContaining({ userMessage: 'body[6]: không có chỗ điền {dealine}. Các chỗ điền dùng được: {deadline}' }))
  })

  it('a paragraph or part says when it is kept: only when its lists are not empty ("when"), or only when they are ("unless")', () => {
    const paragraphs = [
      { parts: ['Tỷ lệ {value}.', { text: ' Đạt cao: {praise}.', when: ['praise'] }, { text: ' Không có xã nào đạt cao.', unless: ['praise'] }] },
      { text: 'Phê bình: {criticism}.', when: ['criticism'] },
    ]
    expect(fillParagraphs(paragraphs, { value: '58,59%', praise: 'An Thanh (100%)', criticism: '' }, 'body')).toEqual(['Tỷ lệ 58,59%. Đạt cao: An Thanh (100%).'])
    expect(fillParagraphs(paragraphs, { value: '58,59%', praise: '', criticism: 'Văn Tố (3,3%)' }, 'body')).toEqual(['Tỷ lệ 58,59%. Không có xã nào đạt cao.', 'Phê bình: Văn Tố (3,3%).'])
  })

  it('a condition on a name that does not exist is refused too', () => {
    expect(() => fillParagraphs([{ text: 'x', when: ['praise_lst'] }], { praise_list: '' }, 'body')).toThrow(expect.objectContaining({ userMessage: expect.stringContaining('không có chỗ điền {praise_lst}') }))
  })
})
