import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { TaskInput } from '../../domain/directives/directive-rules.js'
import { proposeLetterTasks } from '../../domain/directives/letter-tasks.js'
import { letterLists } from '../../domain/reports/praise-criticism.js'
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js'
import { letterFacts } from '../reports/letter-docx.js'
import { loadLetterTemplate } from '../reports/letter-template.js'
import type { ReportRequest } from '../reports/report-request.js'
import { getUnitByCode } from '../units/units.repository.js'

export interface LetterProposal {
  letterDate: string
  deadline: string
  subject: string
  topic: string | null
  tasks: TaskInput[]
}

/** An office below the unit whose name starts so ("Phòng Nội vụ", "Văn phòng HĐND"). */
async function officeNamed(db: Kysely<Database>, parentId: number, prefixes: readonly string[]): Promise<string | null> {
  const offices = await db.selectFrom('units').select(['code', 'name']).where('parent_id', '=', parentId).where('kind', '=', 'office').orderBy('code').execute()
  return offices.find((o) => prefixes.some((p) => o.name.startsWith(p)))?.code ?? null
}

/**
 * What a letter drafted from the figures orders, for the clerk to confirm once its number is
 * issued: the same figures and template as the letter (so the criticised communes are the ones
 * it names), their codes, the letter's deadline, and the offices named by the seed.
 */
export async function proposeTasksOfLetter(db: Kysely<Database>, request: ReportRequest): Promise<LetterProposal> {
  const template = await loadLetterTemplate(request.templatePath)
  const facts = await letterFacts(db, template, request)
  const unit = await getUnitByCode(db, request.unitCode)
  const thresholds = { praiseAtLeast: template.thresholds.praise_at_least, criticiseAtMost: template.thresholds.criticize_at_most }
  const { criticised } = letterLists(facts.units, thresholds, template.list_decimals)
  const children = await db.selectFrom('units').select(['code', 'name']).where('parent_id', '=', unit.id).execute()
  const codeOf = new Map(children.map((c) => [c.name, c.code]))
  const proposal = proposeLetterTasks(
    {
      letterDate: facts.letterDate,
      deadline: facts.deadline,
      criticised: criticised.map((name) => codeOf.get(name)).filter((code): code is string => code !== undefined),
      homeAffairsOffice: await officeNamed(db, unit.id, ['Phòng Nội vụ']),
      districtOffice: await officeNamed(db, unit.id, ['Văn phòng HĐND', 'Văn phòng UBND']),
      issuer: unit.code,
    },
    await loadWorkingCalendar(db),
  )
  return { letterDate: facts.letterDate, deadline: facts.deadline, subject: template.subject.join(' '), topic: template.topic ?? null, tasks: proposal }
}
