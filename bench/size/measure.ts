// What a user pays in bytes: an entry bundled as a user's bundler would (esbuild --bundle --minify
// --format=esm --platform=browser, the peers left out), then gzip at level 9 (Node's zlib, so no
// file name in the header). Also the peers we are compared with, bundled the same way.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

/** Left out of every bundle: UCP has them already. */
export const PEERS = ['@reduxjs/toolkit', 'redux', 'react', 'react-dom', 'react-redux']

/** Budgets in bytes of gzip, 1 KB = 1000 bytes. */
export const BUDGETS: Record<string, number> = { '.': 2500, './client': 1000, './react': 1000 }

export interface Size {
  minified: number
  gzip: number
  /** Minified bytes in the bundle per input file (esbuild's metafile). */
  inputs: Record<string, number>
}

export type Source = { file: string } | { code: string }

export async function measure(root: string, source: Source, production: boolean): Promise<Size> {
  const from: esbuild.BuildOptions =
    'file' in source
      ? { entryPoints: [source.file] }
      : { stdin: { contents: source.code, resolveDir: root, loader: 'ts' } }
  const result = await esbuild.build({
    ...from,
    absWorkingDir: root,
    outfile: 'entry.js',
    write: false,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    external: PEERS.flatMap((peer) => [peer, `${peer}/*`]),
    define: production ? { 'process.env.NODE_ENV': '"production"' } : {},
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles![0]!.contents
  const output = Object.values(result.metafile!.outputs)[0]!
  const inputs: Record<string, number> = {}
  for (const [file, input] of Object.entries(output.inputs)) inputs[file] = input.bytesInOutput
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs }
}

export interface Entry {
  /** The subpath in package.json `exports`: '.', './client', './react'. */
  name: string
  /** What is measured: the source file behind the export, or the built file with `dist`. */
  file: string
  /** Why it cannot be measured yet, if so. */
  missing?: string
}

function target(conditions: unknown): string | undefined {
  if (typeof conditions === 'string') return conditions
  if (typeof conditions !== 'object' || conditions === null) return undefined
  const map = conditions as Record<string, unknown>
  for (const key of ['browser', 'import', 'default']) {
    const found = target(map[key])
    if (found) return found
  }
  return undefined
}

/**
 * The entries of package.json `exports` (JSON files left out). By default each is measured from its
 * source (`./dist/x/index.js` is `src/x/index.ts` or `.tsx`), so no build is needed; with `dist`,
 * from the built file, as a user's bundler sees it after `npm run build`.
 */
export function packageEntries(root: string, dist = false): Entry[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const exports: Record<string, unknown> =
    typeof pkg.exports === 'object' && pkg.exports !== null && !('default' in pkg.exports)
      ? pkg.exports
      : { '.': pkg.exports ?? pkg.module ?? pkg.main }
  const entries: Entry[] = []
  for (const [name, conditions] of Object.entries(exports)) {
    const built = target(conditions)
    if (!built || built.endsWith('.json')) continue
    if (dist) {
      const missing = existsSync(join(root, built)) ? undefined : `${built} is not built`
      entries.push({ name, file: built, missing })
      continue
    }
    const stem = built.replace(/^\.\/dist\//, 'src/').replace(/\.m?js$/, '')
    const file = [`${stem}.ts`, `${stem}.tsx`].find((candidate) =>
      existsSync(join(root, candidate)),
    )
    entries.push(
      file
        ? { name, file }
        : { name, file: `${stem}.ts`, missing: `${stem}.ts does not exist yet` },
    )
  }
  return entries
}

/** The alternatives, each as the part of it a host page would import. */
export const COMPARED: { name: string; code: string }[] = [
  {
    name: 'penpal (connect, WindowMessenger)',
    code: "export { connect, WindowMessenger } from 'penpal'",
  },
  { name: 'framebus', code: "export { default } from 'framebus'" },
  { name: 'post-robot (on, send)', code: "export { on, send } from 'post-robot'" },
]

export function packageVersion(root: string, name: string): string {
  const file = join(root, 'node_modules', name, 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : '?'
}

/** The core as the README uses it: what a host that imports only that pays. */
export const README_IMPORTS =
  "export { createCrmBridge, crmReducers, crmTabOpened, selectCrmTabs } from './src/index.ts'"
