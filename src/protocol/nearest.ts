// Both sides name a mistyped option's likely meaning in their development warnings
// (`parentOrign` -> `parentOrigin`, `onReject` -> `onRejected`). Used only behind
// `process.env.NODE_ENV !== 'production'`, so production bundles drop it.

/** How many single-character edits (insert, delete, replace) turn `a` into `b`. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = row
  }
  return previous[b.length]!
}

/**
 * The name among `known` (not empty) nearest to `key`: what a typo most likely meant; the first
 * of `known` on a tie.
 *
 * @example
 * nearest('parentOrign', ['parentOrigin', 'timeout']) // 'parentOrigin'
 */
export function nearest(key: string, known: readonly string[]): string {
  return known.reduce((best, name) => (distance(key, name) < distance(key, best) ? name : best))
}
