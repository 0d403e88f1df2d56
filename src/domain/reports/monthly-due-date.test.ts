import { describe, expect, it } from 'vitest'
import { WorkingCalendar } from '../calendar/working-calendar.js'
import { dueReminder, monthlyReportDue } from './monthly-due-date.js'

const calendar = new WorkingCalendar()

describe('the monthly report is due before the 25th', () => {
  it('a report of data up to 14/9/2022 is due on the last working day before Sunday 25/9: Friday 23/9', () => {
    expect(monthlyReportDue('2022-09-14', '2022-09-20', calendar)).toEqual({ before: '2022-09-25', due_date: '2022-09-23', days_left: 3, status: 'close' })
  })

  it('when the 24th is a working day it is the due date: 24/8/2022 was a Wednesday', () => {
    expect(monthlyReportDue('2022-08-14', '2022-08-01', calendar)).toMatchObject({ due_date: '2022-08-24', days_left: 23, status: 'upcoming' })
  })

  it('a whole calendar month, ending after the 24th, is due in the next month: August 2022 before 25/9', () => {
    expect(monthlyReportDue('2022-08-31', '2022-09-01', calendar)).toMatchObject({ before: '2022-09-25', due_date: '2022-09-23' })
  })

  it('holidays move it back too: the 24th and 23rd of January 2023 were in the Tết holiday (20–26/1), so the report was due on Thursday 19/1', () => {
    expect(monthlyReportDue('2023-01-14', '2023-01-16', calendar)).toMatchObject({ due_date: '2023-01-19', days_left: 3 })
  })

  it('after the due date it is late, and the reminder says by how many days', () => {
    const due = monthlyReportDue('2022-09-14', '2022-09-26', calendar)
    expect(due).toMatchObject({ days_left: -3, status: 'late' })
    expect(dueReminder(due)).toBe('Nhắc: báo cáo tháng đã quá hạn 3 ngày; hạn gửi trước ngày 25/9/2022 (chậm nhất thứ Sáu, ngày 23/9/2022).')
  })

  it('close to it the reminder counts the days left; far from it there is no reminder', () => {
    expect(dueReminder(monthlyReportDue('2022-09-14', '2022-09-20', calendar))).toBe('Nhắc: báo cáo tháng phải gửi trước ngày 25/9/2022 (chậm nhất thứ Sáu, ngày 23/9/2022); còn 3 ngày.')
    expect(dueReminder(monthlyReportDue('2022-09-14', '2022-09-23', calendar))).toMatch(/hạn là hôm nay/)
    expect(dueReminder(monthlyReportDue('2022-09-14', '2022-09-01', calendar))).toBeNull()
  })
})
