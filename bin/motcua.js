#!/usr/bin/env node
// The installed `motcua` command: the CLI runs from its TypeScript sources through tsx, as
// `npm run cli` does, so there is no build step to forget.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
