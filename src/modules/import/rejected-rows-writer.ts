import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { spreadsheetCsvLine } from './csv-line.js'
import type { ImportIssue } from './import-issue.js'

/**
 * With --skip-invalid the rejected rows go to `<file>.rejected.csv` beside the input: the
 * original cells, then the line and the reasons, so they can be fixed and imported again.
 */
export class RejectedRowsWriter {
  private stream: WriteStream | null = null
  readonly path: string

  constructor(
    inputPath: string,
    private readonly header: readonly string[],
  ) {
    this.path = `${inputPath.replace(/\.(csv|xlsx|txt)$/i, '')}.rejected.csv`
  }

  async write(line: number, cells: readonly string[], issues: readonly ImportIssue[]): Promise<void> {
    if (!this.stream) {
      this.stream = createWriteStream(this.path)
      this.stream.write(`\uFEFF${spreadsheetCsvLine([...this.header, 'dòng', 'lý do'])}`)
    }
    const reasons = issues.map((issue) => (issue.column ? `${issue.column}: ${issue.reason}` : issue.reason)).join('; ')
    // The cells are the file's own, whatever it held: written so no spreadsheet runs them.
    if (!this.stream.write(spreadsheetCsvLine([...cells, String(line), reasons]))) await once(this.stream, 'drain')
  }

  get used(): boolean {
    return this.stream !== null
  }

  async close(): Promise<void> {
    if (!this.stream) return
    this.stream.end()
    await once(this.stream, 'finish')
  }
}

/** Writes all rejected rows of a small file at once; returns the file, or null if none. */
export async function writeRejectedRows(
  inputPath: string,
  header: readonly string[],
  rows: readonly { line: number; cells: readonly string[]; issues: readonly ImportIssue[] }[],
): Promise<string | null> {
  if (rows.length === 0) return null
  const writer = new RejectedRowsWriter(inputPath, header)
  for (const row of rows) await writer.write(row.line, row.cells, row.issues)
  await writer.close()
  return writer.path
}
