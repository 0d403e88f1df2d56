import type { CliContext } from './cli-context.js'

export interface Command {
  name: string
  usage: string
  /** Returns the exit code. Long-running commands (serve) resolve when they stop. */
  run(args: readonly string[], context: CliContext): Promise<number>
}
