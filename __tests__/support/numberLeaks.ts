// Where a customer's number turns up in plain data. Searched for string by string, never in the
// JSON text as a whole: there, a few digits of the number also turn up by chance in UUIDs, times
// and ports, and digits of neighbouring fields run together once separators are taken out.

/** The separators people write between a number's digits: blanks, brackets, dots, slashes, dashes, a plus. */
const SEPARATORS = /[\s()./_+\u2010-\u2015\u2212-]/g

/**
 * The strings of `data` (its keys and string values, at any depth) that hold `digits`, once the
 * separators people write between digits are taken out: '+1 (555) 123-4567' holds '5551234567'.
 *
 * @example
 * expect(stringsHolding(outcomes, '5551234567')).toEqual([])
 */
export function stringsHolding(data: unknown, digits: string): string[] {
  const found: string[] = []
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.replace(SEPARATORS, '').includes(digits)) found.push(value)
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        visit(key)
        visit(inner)
      }
    }
  }
  visit(data)
  return found
}
