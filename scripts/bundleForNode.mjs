// Bundles a TypeScript entry for Node with esbuild, the package taken from its sources (as the
// tests import it) and npm packages left to Node. Used by the bench and by the heap test, which
// both run code in a `node` process of their own.
import * as esbuild from 'esbuild'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))

/** Bundles `entry` (relative to the project root) into `outfile`. */
export function bundleForNode(entry, outfile, { sourcemap = false } = {}) {
  return esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { 'ucp-crm-bridge': './src/index.ts' },
    sourcemap: sourcemap ? 'inline' : false,
    logLevel: 'warning',
  })
}
