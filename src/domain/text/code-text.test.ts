import { describe, expect, it } from 'vitest'
import { codeProblem, visibleText } from './code-text.js'

describe('codes', () => {
  it.each(['H23.07.01', '1.001193', 'H23.07.01-221123-001', '000.00.12.H23-220905-0001', 'PA-2023/15'])('%s is a code', (code) => {
    expect(codeProblem(code)).toBeNull()
  })

  it.each([
    ['AT\u0000-1', 'U+0000 ở vị trí 3'],
    ['AT-1\t', 'U+0009 ở vị trí 5'],
    ['AT\u007f1', 'U+007F'],
    ['AT\u00851', 'U+0085'],
    ['AT\u202e1-TA', 'U+202E'],
    ['\ufeffH23', 'U+FEFF ở vị trí 1'],
    ['A\u200bT-1', 'U+200B'],
  ])('%j holds a control or hidden character: %s', (code, where) => {
    expect(codeProblem(code)).toMatch(/^mã không được chứa ký tự điều khiển hoặc ký tự ẩn/)
    expect(codeProblem(code)).toContain(where)
  })

  it.each(['=HYPERLINK("x")', '+1', '-AT', '@SUM(A1)'])('%j begins like a formula', (code) => {
    expect(codeProblem(code)).toMatch(/^mã không được bắt đầu bằng ".*" \(bảng tính sẽ hiểu là công thức\)$/)
  })

  it('messages show hidden characters escaped', () => {
    expect(visibleText('AT\u0000-\u202e1')).toBe('AT\\u0000-\\u202e1')
  })
})
