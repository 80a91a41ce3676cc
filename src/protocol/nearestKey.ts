// Both sides name a mistyped option's likely meaning in their development warnings
// (`parentOrign` -> `parentOrigin`, `onReject` -> `onRejected`). Used only inside
// `process.env.NODE_ENV !== 'production'` branches, so production bundles drop it.

/**
 * The name among `known` nearest to `name`: the fewest one-character edits (insert, delete,
 * replace), case aside; the first of `known` on a tie.
 *
 * @example
 * nearestKey('parentOrign', ['parentOrigin', 'timeout']) // 'parentOrigin'
 */
export function nearestKey(name: string, known: readonly string[]): string | undefined {
  let nearest: string | undefined
  let fewest = Number.POSITIVE_INFINITY
  for (const candidate of known) {
    const edits = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (edits < fewest) {
      nearest = candidate
      fewest = edits
    }
  }
  return nearest
}

/** Levenshtein's distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let above = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const replace = above[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, replace)
    }
    above = row
  }
  return above[b.length]!
}
