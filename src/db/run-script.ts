import { sql, type Kysely } from 'kysely'

/**
 * Splits an SQL script into statements (aware of quotes, $$ bodies and comments) and runs
 * them one by one: PGlite's extended protocol takes one statement per query.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = []
  let current = ''
  let i = 0
  let quote: string | null = null
  while (i < script.length) {
    const ch = script[i]!
    const rest = script.slice(i)
    if (quote) {
      if (rest.startsWith(quote)) {
        current += quote
        i += quote.length
        quote = null
      } else {
        current += ch
        i++
      }
      continue
    }
    if (rest.startsWith('--')) {
      const end = script.indexOf('\n', i)
      i = end === -1 ? script.length : end
      continue
    }
    const dollar = /^\$[a-zA-Z_]*\$/.exec(rest)
    if (dollar) {
      quote = dollar[0]
      current += quote
      i += quote.length
      continue
    }
    if (ch === "'" || ch === '"') {
      quote = ch
      current += ch
      i++
      continue
    }
    if (ch === ';') {
      if (current.trim()) statements.push(current.trim())
      current = ''
      i++
      continue
    }
    current += ch
    i++
  }
  if (current.trim()) statements.push(current.trim())
  return statements
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function runSqlScript(db: Kysely<any>, script: string): Promise<void> {
  for (const statement of splitSqlStatements(script)) await sql.raw(statement).execute(db)
}
