// `npm run bench`: every part of the bench, one after the other, each in its own process so that
// none disturbs another; then one table, the targets, the checks, the machine and its load.
//   node bench/run.mjs bench/main.ts [--only sender,dial,chromium,memory,size] [--json FILE]
//   node bench/run.mjs bench/main.ts --compare A.json B.json
// A new measure is a part below whose `run` returns rows and targets (lib/figures.ts).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import type { ChromiumResult } from './chromium/main.js'
import { effectResult } from './chromium/effect.js'
import { statusResult } from './chromium/status.js'
import { compareRuns } from './compare.js'
import { dialResult, type DialRun } from './jsdom/dial.js'
import type { PartResult } from './lib/figures.js'
import { senderResult, type SenderRun } from './lib/sender.js'
import type { MemoryResult } from './memory/main.js'
import { memoryResult } from './memory/memory.js'
import { report, type Machine, type Results } from './report.js'
import { sizeResult } from './size/sizeResult.js'
import { comparedSizes, entrySizes } from './size/sizes.js'

const root = process.env.UCP_BENCH_ROOT ?? process.cwd()
const option = (name: string) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? process.argv.slice(at + 1) : undefined
}

/** Runs one script in a fresh Node process and returns the JSON it printed last. */
function child<T>(label: string, entry: string, args: string[] = [], env: object = {}): T {
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

const machine: Machine = {
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model ?? '?',
  node: process.version,
  os: debianVersion(),
  date: new Date().toISOString().slice(0, 10),
  load: [],
}

interface Part {
  name: string
  run(): PartResult
}

const parts: Part[] = [
  {
    // jsdom's windows land differently in V8's heap from one process to the next: three
    // processes, their rounds pooled.
    name: 'sender',
    run: () =>
      senderResult(
        'jsdom',
        [1, 2, 3].map((n) =>
          child<SenderRun>(`finding the sender (jsdom, ${n}/3)`, 'bench/jsdom/main.ts', ['sender']),
        ),
      ),
  },
  {
    name: 'dial',
    run: () =>
      dialResult(
        child<DialRun>('message to dial (jsdom, production)', 'bench/jsdom/main.ts', ['dial']),
        child<DialRun>('message to dial (jsdom, development)', 'bench/jsdom/main.ts', ['dial'], {
          NODE_ENV: 'development',
        }),
      ),
  },
  {
    name: 'chromium',
    run() {
      const result = child<ChromiumResult>('Chromium', 'bench/chromium/main.ts')
      machine.chromium = result.version
      const sender = senderResult('Chromium', [result.sender])
      const measures = [sender, effectResult(result.effect), statusResult(result.status)]
      return {
        rows: measures.flatMap((m) => m.rows),
        targets: measures.flatMap((m) => m.targets),
        checks: measures.flatMap((m) => m.checks),
      }
    },
  },
  {
    name: 'memory',
    run() {
      const result = child<MemoryResult>('memory per tab (Chromium)', 'bench/memory/main.ts')
      machine.chromium ??= result.version
      return memoryResult(result.memory)
    },
  },
  {
    name: 'size',
    run() {
      process.stderr.write('bench: sizes (npm run build, size-limit)…\n')
      return sizeResult(entrySizes(root), comparedSizes(root))
    },
  },
]

const compared = option('--compare')
if (compared) {
  const [a, b] = compared.slice(0, 2).map((file) => JSON.parse(readFileSync(file, 'utf8')))
  const { text, outside } = compareRuns(a as Results, b as Results)
  console.log(text)
  process.exit(outside.length > 0 ? 1 : 0)
}

const only = option('--only')?.[0]?.split(',')
const results: Results = { machine, parts: {} }
for (const part of parts) {
  if (only && !only.includes(part.name)) continue
  machine.load.push(loadavg()[0]!)
  results.parts[part.name] = part.run()
}
machine.load.push(loadavg()[0]!)
console.log(report(results))
const json = option('--json')?.[0]
if (json) writeFileSync(json, JSON.stringify(results))
