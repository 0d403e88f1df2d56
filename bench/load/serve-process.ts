import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface ServeProcess {
  child: ChildProcess
  /** The server's address once it listens (http://127.0.0.1:port). */
  address: Promise<string>
  stderr: () => string
  stop: () => Promise<void>
}

/** `cli -- serve` as its own process, on 127.0.0.1 and a free port. */
export function startServe(dataDir: string, databaseUrl: string | undefined): ServeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  const address = new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(stderr)
      if (match) resolve(match[0])
    })
    child.on('close', (code) => reject(new Error(`serve ended (${code}): ${stderr}`)))
  })
  address.catch(() => undefined)
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()))
  return {
    child,
    address,
    stderr: () => stderr,
    async stop() {
      child.kill('SIGTERM')
      // A server that does not stop within 20 s is killed (the benchmark must end).
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await closed
      clearTimeout(killer)
    },
  }
}
