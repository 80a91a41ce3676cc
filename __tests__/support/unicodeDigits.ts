// An oracle for digits of every script that owes nothing to the code under test: ICU's numbering
// systems, which name every decimal digit of Unicode (category Nd).

/** Each decimal digit character of every numbering system ICU knows, with its value. */
export const DIGIT_VALUES: ReadonlyMap<string, number> = (() => {
  const values = new Map<string, number>()
  for (const system of Intl.supportedValuesOf('numberingSystem')) {
    const format = new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false })
    for (let digit = 0; digit < 10; digit++) {
      const shown = format.format(digit)
      if ([...shown].length === 1) values.set(shown, digit)
    }
  }
  return values
})()

/** `text` with each decimal digit of any script replaced by its ASCII digit. */
export function asciiDigits(text: string): string {
  let ascii = ''
  for (const char of text) {
    const value = DIGIT_VALUES.get(char)
    ascii += value === undefined ? char : String(value)
  }
  return ascii
}
