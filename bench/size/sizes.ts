// The bench's sizes, all from size-limit, bundled the same way: the package's entries against their
// budgets (.size-limit.js, what `npm run size` checks, on the build), and the alternatives a UCP
// page could use instead (compared.size-limit.js).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One check of size-limit's `--json` output: bytes of min+gzip, and the budget if it has one. */
export interface SizeResult {
  name: string
  size: number
  sizeLimit?: number
  passed?: boolean
}

function sizeLimit(root: string, args: string[]): SizeResult[] {
  const bin = join(root, 'node_modules/size-limit/bin.js')
  const run = spawnSync(process.execPath, [bin, '--json', ...args], { cwd: root, encoding: 'utf8' })
  // It exits 1 when an entry is over its budget, and still prints every result.
  if (!run.stdout.trim().startsWith('[')) throw new Error(`size-limit failed:\n${run.stderr}`)
  return JSON.parse(run.stdout) as SizeResult[]
}

/** The package's entries, from a fresh build. */
export function entrySizes(root: string): SizeResult[] {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build failed')
  return sizeLimit(root, [])
}

/** penpal, framebus and post-robot, each named with its installed version. */
export function comparedSizes(root: string): SizeResult[] {
  return sizeLimit(root, ['--config', 'bench/size/compared.size-limit.js']).map((result) => {
    const name = result.name.split(' ')[0]!
    const file = join(root, 'node_modules', name, 'package.json')
    const version = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : '?'
    return { ...result, name: `${result.name} ${version}` }
  })
}
