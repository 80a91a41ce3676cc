/** A link of a shipped doc to a file or folder that does not ship. */
export interface BrokenLink {
  doc: string
  line: number
  target: string
}
/** Every link of `docs` to a file or folder that is not in `shipped` (paths relative to the package). */
export function brokenLinks(
  docs: { path: string; text: string }[],
  shipped: Iterable<string>,
): BrokenLink[]
