import { describe, expect, it } from 'vitest'
import { checkFlagChange } from './dossier-flags.js'

const refusal = (f: () => void) => {
  try {
    f()
  } catch (error) {
    return (error as { userMessage?: string }).userMessage ?? String(error)
  }
  return null
}

describe('the Decision 766 facts of a dossier do not contradict each other', () => {
  it('an electronic result is refused for a result known not to be on paper', () => {
    expect(refusal(() => checkFlagChange({ result_on_paper: false }, { e_result_issued: true }))).toContain('không phải giấy tờ')
  })

  it('but is taken when the same change says the result is on paper, or when nobody knows yet', () => {
    expect(refusal(() => checkFlagChange({ result_on_paper: false }, { result_on_paper: true, e_result_issued: true }))).toBeNull()
    expect(refusal(() => checkFlagChange({ result_on_paper: null }, { e_result_issued: true }))).toBeNull()
  })
})
