import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Each test file gets its own copy of this module, so the list holds that file's folders only.
const created: string[] = []

/** A fresh folder for one test file's inputs and outputs, removed when the file's tests end. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-'))
  created.push(dir)
  return dir
}

/** Removes every folder `tempDir` made in this file (a demo database is hundreds of megabytes). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
}
