import { z } from 'zod'
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../../domain/indicators/indicator-id.js'
import { TOPIC_PATTERN } from '../../domain/reports/cited-documents.js'
import type { LetterTemplate } from '../../domain/reports/document-template.js'
import { MAX_LIST_DECIMALS } from '../../domain/reports/letter-percent.js'
import { readTemplateFile, TEMPLATES_DIR } from './read-template-file.js'
import { EcertSinceSchema, HeaderSchema, Lines, SignerSchema, TemplateParagraphSchema, TrendWordsSchema } from './template-schemas.js'

/** The directive letter motcua drafts when no `--template` is given (seed 000's letter). */
export const DEFAULT_LETTER_TEMPLATE = new URL('letters/digitization-praise-criticism.json', TEMPLATES_DIR)

const Percent = z.number().min(0).max(100)
const Decimals = z.number().int().min(0).max(MAX_LIST_DECIMALS).default(1)

export const LetterTemplateSchema = z.strictObject({
  $schema: z.string().optional(),
  kind: z.literal('letter'),
  description: z.string().optional(),
  topic: z.string().regex(TOPIC_PATTERN, 'Chủ đề chỉ gồm chữ thường không dấu, số, gạch ngang, gạch dưới').optional(),
  indicator: z.enum(INDICATOR_IDS as [IndicatorId, ...IndicatorId[]]).refine((id) => INDICATORS[id].kind === 'rate', 'Phải là một tỷ lệ (rate) của INDICATORS.md'),
  thresholds: z.strictObject({ praise_at_least: Percent, criticize_at_most: Percent }),
  trend: z.strictObject({ previous_months: z.number().int().min(0).max(24) }),
  deadline: z.strictObject({ working_days_after_letter: z.number().int().min(0).max(60) }),
  ecert_since: EcertSinceSchema,
  list_decimals: z.strictObject({ praise: Decimals, criticism: Decimals }).optional(),
  header: HeaderSchema,
  subject: Lines.min(1).max(6),
  recipients: Lines.min(1),
  body: z.array(TemplateParagraphSchema).min(1),
  closing: z.string(),
  copies_to: Lines,
  signer: SignerSchema,
  trend_words: TrendWordsSchema,
  change_words: z.strictObject({ increased: z.string(), decreased: z.string(), unchanged: z.string() }),
})

/** A letter template: the default one, or a file given with `--template`. */
export async function loadLetterTemplate(path?: string): Promise<LetterTemplate> {
  const { $schema: _ignored, ...template } = await readTemplateFile(path ?? DEFAULT_LETTER_TEMPLATE, LetterTemplateSchema)
  return template
}
