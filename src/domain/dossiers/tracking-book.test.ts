import { describe, expect, it } from 'vitest'
import { bookNote, bookTotals, formatBookDate, isLateAt } from './tracking-book.js'

const at = (iso: string) => new Date(`${iso}+07:00`)
const endOfSeptember = at('2022-10-01T00:00:00')

describe('the tracking book', () => {
  it('writes dates dd/mm/yyyy, and nothing for a date not yet come', () => {
    expect(formatBookDate('2022-09-05')).toBe('05/09/2022')
    expect(formatBookDate('2022-12-31')).toBe('31/12/2022')
    expect(formatBookDate(null)).toBe('')
  })

  it('a dossier is late when its result came after the appointment, or none came by the book’s end and the appointment passed', () => {
    const due = at('2022-09-08T17:00:00')
    expect(isLateAt({ dueAt: due, finishedAt: at('2022-09-09T08:00:00'), status: 'returned' }, endOfSeptember)).toBe(true)
    expect(isLateAt({ dueAt: due, finishedAt: at('2022-09-08T16:59:00'), status: 'finished' }, endOfSeptember)).toBe(false)
    expect(isLateAt({ dueAt: due, finishedAt: null, status: 'processing' }, endOfSeptember)).toBe(true)
    // A result after the book's end: at its end the dossier was open and past due.
    expect(isLateAt({ dueAt: due, finishedAt: at('2022-10-03T08:00:00'), status: 'finished' }, endOfSeptember)).toBe(true)
    // Due after the book's end: not late in this book.
    expect(isLateAt({ dueAt: at('2022-10-05T17:00:00'), finishedAt: null, status: 'processing' }, endOfSeptember)).toBe(false)
    // Refused or withdrawn dossiers are not late; nor one without an appointment.
    expect(isLateAt({ dueAt: due, finishedAt: at('2022-09-20T08:00:00'), status: 'rejected' }, endOfSeptember)).toBe(false)
    expect(isLateAt({ dueAt: null, finishedAt: null, status: 'processing' }, endOfSeptember)).toBe(false)
  })

  it('the note says "Trễ hạn" first, then a wait on the applicant or an end without a result', () => {
    expect(bookNote(true, 'supplement')).toBe('Trễ hạn; Chờ bổ sung')
    expect(bookNote(false, 'withdrawn')).toBe('Rút hồ sơ')
    expect(bookNote(true, 'returned')).toBe('Trễ hạn')
    expect(bookNote(false, 'returned')).toBe('')
  })

  it('ends with the total and how many of them late', () => {
    expect(bookTotals([{ late: true }, { late: false }, { late: true }])).toBe('Tổng cộng: 3 hồ sơ, trong đó 2 hồ sơ trễ hạn')
    expect(bookTotals([])).toBe('Tổng cộng: 0 hồ sơ, trong đó 0 hồ sơ trễ hạn')
  })
})
