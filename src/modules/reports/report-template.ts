import { z } from 'zod'
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../../domain/indicators/indicator-id.js'
import type { ReportTemplate } from '../../domain/reports/document-template.js'
import { readTemplateFile, TEMPLATES_DIR } from './read-template-file.js'
import { EcertSinceSchema, HeaderSchema, Index766WordingSchema, Lines, SignerSchema, TemplateParagraphSchema, TrendWordsSchema } from './template-schemas.js'

export type ReportTemplateKind = 'weekly' | 'monthly'

/** The templates motcua uses when no `--template` is given. */
export const DEFAULT_REPORT_TEMPLATES: Record<ReportTemplateKind, URL> = {
  weekly: new URL('reports/weekly.json', TEMPLATES_DIR),
  monthly: new URL('reports/monthly.json', TEMPLATES_DIR),
}

export const ReportTemplateSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.enum(['weekly', 'monthly']),
  description: z.string().optional(),
  header: HeaderSchema,
  title: z.strictObject({ name: z.string().min(1), lines: Lines }),
  recipients: Lines,
  intro: z.array(TemplateParagraphSchema),
  headings: z.strictObject({ figures: z.string(), trend: z.string(), targets: z.string(), late: z.string(), ecert: z.string() }),
  trend: z.strictObject({
    periods: z.number().int().min(1).max(24),
    indicator: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]]).refine((id) => INDICATORS[id].kind === 'rate', 'Phải là một tỷ lệ (rate) của INDICATORS.md'),
  }),
  ecert_since: EcertSinceSchema,
  tasks: z.strictObject({ heading: z.string(), paragraphs: z.array(TemplateParagraphSchema) }).optional(),
  index766: Index766WordingSchema.optional(),
  closing: z.array(TemplateParagraphSchema),
  copies_to: Lines,
  signer: SignerSchema,
  trend_words: TrendWordsSchema,
})

/** A weekly or monthly report template; a `--template` file must be of the same kind. */
export async function loadReportTemplate(kind: ReportTemplateKind, path?: string): Promise<ReportTemplate> {
  const { $schema: _ignored, ...template } = await readTemplateFile(path ?? DEFAULT_REPORT_TEMPLATES[kind], ReportTemplateSchema.refine((t) => t.kind === kind, { message: `Mẫu phải có "kind": "${kind}"`, path: ['kind'] }))
  return template
}
