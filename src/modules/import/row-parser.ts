import { isWellFormedText, toWellFormedText } from '../../domain/shared/well-formed-text.js'
import { codeProblem, visibleText } from '../../domain/text/code-text.js'
import type { ImportIssue } from './import-issue.js'
import type { Parsed } from './value-parsers.js'

/**
 * Collects the issues of one row while its fields are read, so a row reports every bad
 * cell at once rather than the first.
 */
export class RowParser<Name extends string> {
  readonly issues: ImportIssue[]
  private readonly read: (name: Name) => string

  /** `problems`: what reading the file already found wrong with the row (encoding, cell count). */
  constructor(
    readonly line: number,
    readCell: (name: Name) => string,
    problems: readonly ImportIssue[] = [],
  ) {
    this.issues = [...problems]
    // A lone surrogate (an XLSX character reference can make one) would be stored as U+FFFD,
    // unlike what was checked: the cell is refused, once, whichever way it is read.
    const refused = new Set<Name>()
    this.read = (name) => {
      const value = readCell(name)
      if (!isWellFormedText(value) && !refused.has(name)) {
        refused.add(name)
        this.fail(name, toWellFormedText(value), 'chứa ký tự Unicode không hợp lệ (nửa cặp thay thế)')
      }
      return value
    }
  }

  text(name: Name): string {
    return this.read(name)
  }

  required(name: Name): string {
    const value = this.read(name)
    if (value === '') this.fail(name, '', 'bắt buộc, không được để trống')
    return value
  }

  /**
   * A code (of a unit, procedure, dossier, feedback item): control and hidden characters and a
   * formula-like start are refused, the value shown escaped. An empty optional code is ''.
   */
  code(name: Name, presence: 'required' | 'optional'): string {
    const value = presence === 'required' ? this.required(name) : this.read(name)
    const problem = value === '' ? null : codeProblem(value)
    if (problem !== null) this.fail(name, visibleText(value), problem)
    return value
  }

  /** Parses a non-empty cell; an empty one gives `fallback`. */
  optional<T>(name: Name, parse: (raw: string) => Parsed<T>, fallback: T): T {
    const raw = this.read(name)
    if (raw === '') return fallback
    return this.parse(name, raw, parse, fallback)
  }

  /** Parses a cell that must be present. */
  mandatory<T>(name: Name, parse: (raw: string) => Parsed<T>, placeholder: T): T {
    const raw = this.read(name)
    if (raw === '') {
      this.fail(name, '', 'bắt buộc, không được để trống')
      return placeholder
    }
    return this.parse(name, raw, parse, placeholder)
  }

  fail(column: Name | null, value: string | null, reason: string): void {
    this.issues.push({ line: this.line, column, value, reason })
  }

  private parse<T>(name: Name, raw: string, parse: (raw: string) => Parsed<T>, fallback: T): T {
    const parsed = parse(raw)
    if (parsed.ok) return parsed.value
    this.fail(name, raw, parsed.reason)
    return fallback
  }
}
