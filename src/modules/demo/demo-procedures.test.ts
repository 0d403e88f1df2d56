import { describe, expect, it } from 'vitest'
import { COMMUNE_PROCEDURE_WEIGHTS, DISTRICT_PROCEDURE_WEIGHTS, buildDemoProcedures } from './demo-procedures.js'

const procedures = buildDemoProcedures()
const byCode = new Map(procedures.map((procedure) => [procedure.code, procedure]))

describe('the demo catalogue of procedures', () => {
  it('has 15 to 25 procedures with national codes, each code once', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(15)
    expect(procedures.length).toBeLessThanOrEqual(25)
    expect(byCode.size).toBe(procedures.length)
    for (const procedure of procedures) expect(procedure.code).toMatch(/^\d\.\d{6}$/)
  })

  it('birth registration is 1.001193, decided by the commune, same day and free', () => {
    expect(byCode.get('1.001193')).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'commune',
      processingDays: 0,
      feeVnd: 0,
    })
  })

  it('certifications close reception for the day at 15:00, the others at 17:00', () => {
    for (const procedure of procedures) {
      expect(procedure.cutoffTime).toBe(procedure.field === 'Chứng thực' ? '15:00' : null)
    }
  })

  it('has commune and district procedures, online in full, in part, and a few not at all', () => {
    expect(procedures.filter((p) => p.level === 'commune').length).toBeGreaterThanOrEqual(10)
    expect(procedures.filter((p) => p.level === 'district').length).toBeGreaterThanOrEqual(4)
    const none = procedures.filter((p) => p.onlineLevel === 'none')
    expect(none.length).toBeGreaterThanOrEqual(2)
    expect(none.length).toBeLessThanOrEqual(6)
    expect(procedures.some((p) => p.onlineLevel === 'full')).toBe(true)
    expect(procedures.some((p) => p.onlineLevel === 'partial')).toBe(true)
  })

  it('every procedure lists its components in Vietnamese, at least one required', () => {
    for (const procedure of procedures) {
      expect(procedure.components?.length ?? 0).toBeGreaterThan(0)
      expect(procedure.components?.some((component) => component.required)).toBe(true)
      expect(procedure.feeVnd).toBeGreaterThanOrEqual(0)
      expect(procedure.processingDays).toBeGreaterThanOrEqual(0)
    }
  })

  it('the counters draw only from procedures of the catalogue, by level', () => {
    for (const [code] of COMMUNE_PROCEDURE_WEIGHTS) expect(byCode.get(code)?.level).toBe('commune')
    for (const [code] of DISTRICT_PROCEDURE_WEIGHTS) expect(byCode.get(code)?.level).not.toBe('commune')
  })
})
