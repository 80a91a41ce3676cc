// Builds the script-tag client: a minified classic script (an IIFE) that defines
// `window.UcpCrmClient` with `createCrmClient` and `CrmClientError`, for CRM pages built without a
// bundler. `npm run build` writes it to the path it is given; the demo server serves it from memory.
//   node scripts/buildClientGlobal.mjs dist/client.global.js
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const entry = fileURLToPath(new URL('../src/client/global.ts', import.meta.url))

/**
 * Builds the script-tag client and returns its code; writes it to `outfile` too, when given.
 * @param {string} [outfile]
 * @returns {Promise<string>}
 */
export async function buildClientGlobal(outfile) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  })
  const code = result.outputFiles[0].text
  if (outfile !== undefined) {
    mkdirSync(dirname(outfile), { recursive: true })
    writeFileSync(outfile, code)
  }
  return code
}

const runDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href

if (runDirectly) {
  const outfile = process.argv[2]
  if (outfile === undefined) {
    console.error('usage: node scripts/buildClientGlobal.mjs OUTFILE')
    process.exit(2)
  }
  const code = await buildClientGlobal(outfile)
  const gzip = gzipSync(code, { level: 9 }).length
  console.log(`${outfile}: ${code.length} B, ${gzip} B min+gzip`)
}
