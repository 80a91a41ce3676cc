// `npm run size`: each entry of package.json `exports`, minified and gzipped as a user ships it,
// against its budget. Exits 1 when an entry is over budget; an entry that does not exist yet is
// reported and not counted as over. `--dist` measures the built files instead of the sources;
// `--entry NAME` (repeatable) measures and checks only the entries named.
//   node bench/run.mjs bench/size.ts [--dist] [--entry ./client …]
import { BUDGETS, README_IMPORTS, measure, packageEntries, type Size } from './size/measure.js'
import { int, table } from './lib/table.js'

const root = process.env.UCP_BENCH_ROOT ?? process.cwd()
const dist = process.argv.includes('--dist')
const only = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--entry' ? [arg] : []))

/** Minified bytes per source file, node_modules grouped by package, largest first. */
function breakdown(size: Size): string {
  const byFile = new Map<string, number>()
  for (const [file, bytes] of Object.entries(size.inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]
    const key = pkg ? `${pkg} (npm dependency)` : file
    byFile.set(key, (byFile.get(key) ?? 0) + bytes)
  }
  const total = [...byFile.values()].reduce((sum, bytes) => sum + bytes, 0)
  const rows = [...byFile]
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([file, bytes]) => [
      file,
      int(bytes),
      `${((bytes / total) * 100).toFixed(1)}%`,
      int((bytes / total) * size.gzip),
    ])
  const glue = size.minified - total
  rows.push(['(esbuild: imports, exports, glue)', int(glue), '', ''])
  return table(['file', 'min bytes', 'share', '≈ gzip bytes (by share)'], rows)
}

/** What an entry adds to a bundle that has the core already (files they share count once). */
async function onTopOfCore(coreFile: string, file: string): Promise<number> {
  const both = `import * as a from './${coreFile}'\nimport * as b from './${file}'\nexport { a, b }`
  const alone = `import * as a from './${coreFile}'\nexport { a }`
  const [withEntry, without] = await Promise.all(
    [both, alone].map((code) => measure(root, { code }, true)),
  )
  return withEntry!.gzip - without!.gzip
}

const rows: string[][] = []
const over: string[] = []
let core: Size | undefined
const entries = packageEntries(root, dist)
const coreEntry = entries.find((entry) => entry.name === '.' && !entry.missing)
const unknown = only.filter((name) => !entries.some((entry) => entry.name === name))
if (unknown.length > 0) {
  console.error(`no such entry in package.json exports: ${unknown.join(', ')}`)
  process.exit(2)
}
const checked = only.length > 0 ? entries.filter((entry) => only.includes(entry.name)) : entries
const outside: { name: string; size: Size }[] = []
for (const entry of checked) {
  const budget = BUDGETS[entry.name]
  const limit = budget === undefined ? 'none' : int(budget)
  if (entry.missing) {
    rows.push([entry.name, entry.missing, '', '', '', '', '', limit, 'not measured yet'])
    continue
  }
  const plain = await measure(root, { file: entry.file }, false)
  const production = await measure(root, { file: entry.file }, true)
  if (entry.name === '.') core = production
  let verdict = 'no budget'
  if (budget !== undefined) {
    const excess = production.gzip - budget
    verdict =
      excess <= 0
        ? `ok, ${int(-excess)} B to spare`
        : `OVER by ${int(excess)} B (+${((excess / budget) * 100).toFixed(0)}%)`
    if (excess > 0) over.push(entry.name)
  }
  const figures = [plain.minified, plain.gzip, production.minified, production.gzip].map(int)
  const added =
    coreEntry && entry !== coreEntry ? int(await onTopOfCore(coreEntry.file, entry.file)) : ''
  if (budget !== undefined && production.gzip > budget && entry !== coreEntry) {
    outside.push({ name: entry.name, size: production })
  }
  rows.push([entry.name, entry.file, ...figures, added, limit, verdict])
}

console.log(
  'Each entry: esbuild --bundle --minify --format=esm --platform=browser, peers external, then\n' +
    'gzip level 9 (zlib). "production": with process.env.NODE_ENV defined as "production", as UCP\n' +
    'ships; that gzip figure is the one checked. Budgets in bytes, 1 KB = 1000 bytes (strict;\n' +
    'with 1 KB = 1024 bytes they would be 2,560 and 1,024). "on top of core": what the entry\n' +
    'adds, gzip (prod), to a bundle that has the core already (for information, not checked).\n',
)
const header = ['entry', 'measured', 'min', 'gzip', 'min (prod)', 'gzip (prod)']
header.push('on top of core', 'budget', 'result')
console.log(table(header, rows))
if (core && !dist) {
  const used = await measure(root, { code: README_IMPORTS }, true)
  console.log(
    `\nA host that imports only what the README's setup uses (createCrmBridge, crmReducers,\n` +
      `crmTabOpened, selectCrmTabs) pays ${int(used.gzip)} B gzip (production), not ${int(core.gzip)}.`,
  )
}
if (core) {
  console.log(`\nWhere the core's bytes go (production build, esbuild metafile):\n`)
  console.log(breakdown(core))
}
for (const { name, size } of outside) {
  console.log(`\nWhere the bytes of ${name}, over its budget, go (production build):\n`)
  console.log(breakdown(size))
}
if (over.length > 0) {
  console.log(`\nOver budget: ${over.join(', ')}`)
  process.exitCode = 1
}
