import type { BuildResult } from 'esbuild'

/** The project's root folder, with a trailing slash. */
export const root: string

/** Bundles `entry` (relative to the project root) for Node into `outfile`, the package from `src/`. */
export function bundleForNode(
  entry: string,
  outfile: string,
  options?: { sourcemap?: boolean },
): Promise<BuildResult>
