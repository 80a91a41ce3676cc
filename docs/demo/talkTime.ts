/** A call's talk time as a call log shows it: `00:42`, `61:05` (minutes past an hour stay minutes). */
export function talkTime(durationMs: number): string {
  const seconds = Math.round(durationMs / 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`
}
