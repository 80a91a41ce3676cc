// The bench's one table, its targets, its checks and the machine, from what every part returned;
// then a compact summary of every ratio, which `--compare` reads back from two saved runs.
import { verdict, type PartResult, type Row, type Target } from './lib/figures.js'
import { ratioText, table, value, withSpread } from './lib/table.js'

export interface Machine {
  cpus: number
  cpu: string
  node: string
  os: string
  date: string
  chromium?: string
  /** 1-minute load averages: when the run started, before each part, and when it ended. */
  load: number[]
}

export interface Results {
  machine: Machine
  parts: Record<string, PartResult>
}

const VERDICT = { met: 'met', missed: 'MISSED', unsettled: 'unsettled' } as const

function cells(row: Row): string[] {
  return [
    row.measure,
    withSpread(row.ours, row.unit),
    row.against ?? '',
    row.theirs ? withSpread(row.theirs, row.unit) : '',
    row.ratio && row.reads ? ratioText(row.ratio, row.reads, row.unit) : '',
  ]
}

export function targetLine(target: Target): string {
  const limit = `${target.better === 'lower' ? '≤' : '≥'} ${value(target.limit, target.unit)}`
  const figure = withSpread(target.figure, target.unit)
  return `- ${VERDICT[verdict(target)]}: ${target.text}: ${figure} (${limit})`
}

/** Every figure two runs should agree on, one per line: `id  median (min–max)`. */
export function summaryLines(parts: Record<string, PartResult>): string[] {
  const lines: string[] = []
  for (const part of Object.values(parts)) {
    for (const row of part.rows) {
      if (row.ratio && row.reads)
        lines.push(`${row.id}  ${ratioText(row.ratio, row.reads, row.unit)}`)
      else lines.push(`${row.id}  ${withSpread(row.ours, row.unit)}`)
    }
    for (const target of part.targets) {
      lines.push(`target ${target.id}  ${withSpread(target.figure, target.unit)}`)
    }
  }
  return lines
}

export function loadText(load: number[]): string {
  const [first, ...rest] = load
  return `1-minute load average ${first?.toFixed(2)} at the start, ${rest.at(-1)?.toFixed(2)} at the end, at most ${Math.max(...load).toFixed(2)}`
}

export function report({ machine, parts }: Results): string {
  const all = Object.values(parts)
  const header = ['measure', 'ucp-crm-bridge', 'compared with', 'their figure', 'ratio']
  const out = [
    'Each figure: the median of its rounds (smallest–largest round). A target is met when the worse end meets it, MISSED when even the better end misses, unsettled otherwise.',
    '',
    table(
      header,
      all.flatMap((part) => part.rows.map(cells)),
    ),
    '',
    'Targets:',
    ...all.flatMap((part) => part.targets.map(targetLine)),
    '',
    'Checks:',
    ...all.flatMap((part) => part.checks.map((check) => `- ${check}`)),
    '',
    `Machine: ${machine.cpus} CPUs, ${machine.cpu}; Node ${machine.node}; Chromium ${machine.chromium ?? '?'}; ${machine.os}; ${machine.date}; ${loadText(machine.load)}`,
    '',
    'Summary (`npm run bench -- --compare A.json B.json` compares two runs saved with --json):',
    ...summaryLines(parts),
  ]
  return out.join('\n')
}
