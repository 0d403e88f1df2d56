import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Starts the real command line (`cli -- …`) as a separate process. */
export function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): ChildProcess & { output: () => CliResult; done: Promise<CliResult> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  // Nothing to read is an empty standard input, as /dev/null would be.
  child.stdin.end(input ?? '')
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const output = () => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr })
  const done = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })))
  return Object.assign(child, { output, done })
}

/** Runs it to the end; `input` is what it reads on standard input (a password, say). */
export async function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CliResult> {
  return startCli(args, env, input).done
}

/** Resolves when the process has written `pattern` to stderr (or rejects when it exits first). */
export async function waitForStderr(child: ReturnType<typeof startCli>, pattern: RegExp, timeoutMs = 120_000): Promise<string> {
  const started = Date.now()
  for (;;) {
    const { stderr, code, signal } = child.output()
    const match = pattern.exec(stderr)
    if (match) return match[0]
    if (code !== null || signal !== null) throw new Error(`process ended before ${pattern}: ${stderr}`)
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}: ${stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
