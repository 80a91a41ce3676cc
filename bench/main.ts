// `npm run bench`: every part of the bench, one after the other, each jsdom part and Chromium in its
// own process so that none disturbs another; then one table, the targets, and the machine.
//   node bench/run.mjs bench/main.ts [--json FILE]
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, availableParallelism } from 'node:os'
import { join } from 'node:path'
import type { ChromiumResult } from './chromium/main.js'
import type { DialRow } from './jsdom/dial.js'
import { mergeSenderRuns, type SenderRow } from './lib/sender.js'
import { report, type Results } from './report.js'
import { comparedSizes, entrySizes } from './size/sizes.js'

const root = process.env.UCP_BENCH_ROOT ?? process.cwd()

/** Runs one part in a fresh Node process and returns the JSON it printed last. */
function part<T>(label: string, entry: string, args: string[] = [], env: object = {}): T {
  process.stderr.write(`bench: ${label}…`)
  const started = performance.now()
  const run = spawnSync(process.execPath, [join(root, 'bench/run.mjs'), entry, ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`)
  if (run.status !== 0) throw new Error(`bench part ${label} failed (exit ${run.status})`)
  const lines = run.stdout.trim().split('\n')
  return JSON.parse(lines[lines.length - 1]!) as T
}

function debianVersion(): string {
  try {
    return `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}`
  } catch {
    return process.platform
  }
}

// jsdom's figures at 1000 tabs differ from one process to the next (its window objects defeat
// V8's inline caches in ways that vary by run): the median of three processes.
const senderRuns = [1, 2, 3].map((run) =>
  part<SenderRow[]>(`finding the sender (jsdom, ${run}/3)`, 'bench/jsdom/main.ts', ['sender']),
)
const sender = mergeSenderRuns(senderRuns)
const dial = part<DialRow>('message to dial (jsdom, production)', 'bench/jsdom/main.ts', ['dial'])
const dialDev = part<DialRow>(
  'message to dial (jsdom, development)',
  'bench/jsdom/main.ts',
  ['dial'],
  {
    NODE_ENV: 'development',
  },
)
const chromium = part<ChromiumResult>('Chromium', 'bench/chromium/main.ts')

process.stderr.write('bench: sizes (npm run build, size-limit)…\n')
const sizes = entrySizes(root)
const compared = comparedSizes(root)

const results: Results = {
  machine: {
    cpus: availableParallelism(),
    cpu: cpus()[0]?.model ?? '?',
    node: process.version,
    os: debianVersion(),
    date: new Date().toISOString().slice(0, 10),
  },
  sender,
  senderRuns,
  dial,
  dialDev,
  chromium,
  sizes,
  compared,
}
console.log(report(results))
const jsonAt = process.argv.indexOf('--json')
if (jsonAt > 0 && process.argv[jsonAt + 1]) {
  writeFileSync(process.argv[jsonAt + 1]!, JSON.stringify(results))
}
