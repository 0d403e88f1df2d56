import { z } from 'zod'
import { isLocalDate } from '../../domain/time/local-date.js'
import type { SignerTemplate, TemplatePart, TemplateParagraph } from '../../domain/reports/document-template.js'
import { authorityLines, SIGNER_POSITIONS, type SignerPosition } from '../../domain/reports/signature-authority.js'
import type { Index766Wording } from '../../domain/reports/index766-section.js'
import type { TrendWords } from '../../domain/reports/trend-sentence.js'

/** The pieces letter and report templates share, checked when a template file is read. */

const Text = z.string().max(5000)
const Names = z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).optional()

export const TemplatePartSchema: z.ZodType<TemplatePart> = z.union([Text, z.strictObject({ text: Text, when: Names, unless: Names })]) as z.ZodType<TemplatePart>
export const TemplateParagraphSchema: z.ZodType<TemplateParagraph> = z.union([
  TemplatePartSchema,
  z.strictObject({ parts: z.array(TemplatePartSchema).min(1), when: Names, unless: Names }),
]) as z.ZodType<TemplateParagraph>

export const HeaderSchema = z.strictObject({
  parent: Text.optional(),
  issuer: z.array(Text).min(1).max(3),
  number: z.string().max(20),
  symbol: z.string().min(1).max(40),
  place: Text,
})

/**
 * The signer: by position (`{"position": "vice_chair", "on_behalf_of": "ỦY BAN NHÂN DÂN", "name": ""}`),
 * the authority lines then following Decree 30, or by explicit authority lines as older templates did.
 */
export const SignerSchema = z.union([
  z.strictObject({
    position: z.enum(SIGNER_POSITIONS as [SignerPosition, ...SignerPosition[]]),
    on_behalf_of: Text.nullable().optional(),
    name: z.string().max(200).default(''),
  }).transform((s): SignerTemplate => ({ ...s, on_behalf_of: s.on_behalf_of ?? null, authority: authorityLines(s.position, s.on_behalf_of ?? null) })),
  z.strictObject({ authority: z.array(Text).min(1).max(3), name: z.string().max(200) }),
])

export const TrendWordsSchema: z.ZodType<TrendWords> = z.strictObject({
  rose: Text,
  fell: Text,
  then_rose: Text,
  then_fell: Text,
  last_rose: Text,
  last_fell: Text,
  only: Text,
  kept: Text,
  none: Text,
})

export const Lines = z.array(Text)

/** A template's start of "has ever e-certified" (ecert_units_to_date): a real date, YYYY-MM-DD. */
export const EcertSinceSchema = z.string().refine(isLocalDate, 'Phải là một ngày có thật, dạng YYYY-MM-DD (ví dụ 2022-01-01)').optional()

/** The Decision 766 index section of a report (domain/reports/index766-section.ts). */
export const Index766WordingSchema: z.ZodType<Index766Wording> = z.strictObject({
  show: z.boolean(),
  heading: Text,
  summary: z.array(TemplateParagraphSchema),
  group_line: Text,
  group_no_data: Text,
  what_if_intro: Text,
  what_if_line: Text,
  what_if_options: z.number().int().min(0).max(20),
  cannot_score: Text.optional(),
})
