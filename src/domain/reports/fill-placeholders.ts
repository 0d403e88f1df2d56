import { AppError, ErrorCode } from '../shared/app-error.js'

/** `{name}`: a place in a template's text that the data fills. Other braces are left as they are. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/** The placeholders a text uses, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))]
}

/**
 * Fills every `{name}` of a template text. A name the data does not know is the template
 * author's typo: it is refused with the names that exist, rather than printed in a letter.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>, where = 'mẫu'): string {
  const unknown = placeholdersIn(text).filter((name) => !Object.hasOwn(values, name))
  if (unknown.length > 0) {
    throw new AppError(
      ErrorCode.validation,
      `unknown placeholders ${unknown.join(', ')}`,
      `${where}: không có chỗ điền ${unknown.map((n) => `{${n}}`).join(', ')}. Các chỗ điền dùng được: ${Object.keys(values).map((n) => `{${n}}`).join(', ')}`,
      unknown.map((n) => ({ column: where, value: `{${n}}`, reason: 'chỗ điền không có' })),
    )
  }
  return text.replace(PLACEHOLDER, (_match, name: string) => values[name]!)
}
