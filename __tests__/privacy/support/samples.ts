// One action of each type the package dispatches, made with its real creators and carrying a
// customer's number wherever the type can: in a destination, an extension, a screen pop's URL and
// title, a softphone's error.
import type { UnknownAction } from '@reduxjs/toolkit'
import {
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  crmCloseRejected,
  crmCloseRequested,
  crmCallPlaced,
  crmDialFailed,
  crmDialStarted,
  crmMakeCallRequested,
  crmTabActivated,
  crmTabClosed,
  crmTabOpened,
  crmTabRetitled,
} from 'ucp-crm-bridge'

/** The customer's number, as a CRM page sends it and as it is dialled. */
export const SHOWN = '+1 (555) 123-4567'
export const DIALLED = '15551234567'
export const EXTENSION = '4321'

const sender = { origin: 'https://crm.example.com', tabId: 'tab-a' }
const softphoneError = Object.assign(new Error(`cannot reach ${SHOWN}`), { code: 'E_BUSY' })

/** Each type, with whether its sample carries the number (and so must change under redaction). */
export const SAMPLES: Record<string, { action: UnknownAction; hasNumber: boolean }> = {
  'crmTabs/tabOpened': {
    action: crmTabOpened({
      url: `https://crm.example.com/screen-pop?ani=${encodeURIComponent(SHOWN)}`,
      title: `Call from ${SHOWN}`,
    }),
    hasNumber: true,
  },
  'crmTabs/tabRetitled': {
    action: crmTabRetitled({ id: 'tab-a', title: `Call with ${SHOWN}` }),
    hasNumber: true,
  },
  'crmTabs/tabActivated': { action: crmTabActivated({ id: 'tab-a' }), hasNumber: false },
  'crmTabs/tabClosed': { action: crmTabClosed({ id: 'tab-a' }), hasNumber: false },
  'crm/closeRequested': {
    action: crmCloseRequested({ id: 'tab-b' }, { ...sender, clientRequestId: `close-${DIALLED}` }),
    hasNumber: true,
  },

  'crm/closeRejected': {
    action: crmCloseRejected({ requestId: 'req-2', id: 'tab-b', reason: 'not-permitted' }, sender),
    hasNumber: false,
  },
  'telephony/makeCallRequested': {
    action: crmMakeCallRequested(
      { destination: DIALLED, extension: EXTENSION },
      { ...sender, clientRequestId: `call-${DIALLED}` },
    ),
    hasNumber: true,
  },
  'crmCalls/dialStarted': { action: crmDialStarted({ requestId: 'req-1' }), hasNumber: false },
  'crmCalls/callRinging': { action: crmCallRinging({ requestId: 'req-1' }), hasNumber: false },
  'crmCalls/callConnected': { action: crmCallConnected({ requestId: 'req-1' }), hasNumber: false },
  'crmCalls/callEnded': {
    action: crmCallEnded({ requestId: 'req-1', reason: 'completed' }),
    hasNumber: false,
  },
  'crmCalls/callPlaced': { action: crmCallPlaced({ requestId: 'req-1' }), hasNumber: false },
  'crmCalls/dialFailed': {
    action: crmDialFailed({ requestId: 'req-1', error: softphoneError }),
    hasNumber: true,
  },
}

/** The fields where the number may be, and so the only ones redaction may change. */
export const PERSONAL_KEYS = new Set([
  'destination',
  'extension',
  'clientRequestId',

  'url',
  'title',
  'message',
  'stack',
])

/** Every leaf of a value, with its path. */
export function leaves(value: unknown, path: string[] = []): [string[], unknown][] {
  if (typeof value !== 'object' || value === null) return [[path, value]]
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, [...path, key]))
}

export function at(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((inner, key) => (inner as Record<string, unknown>)?.[key], value)
}

/** Runs of `length` digits of the number or the extension: none may be left after redaction. */
export function numberRuns(length: number): string[] {
  const runs = new Set<string>()
  for (const digits of [DIALLED, EXTENSION]) {
    for (let from = 0; from + length <= digits.length; from++)
      runs.add(digits.slice(from, from + length))
  }
  return [...runs]
}

/** The runs of the number (at least `length` digits) found in a text. */
export function numberRunsIn(text: string, length = 3): string[] {
  const digitsOnly = text.replace(/[\s()+-]/g, '')
  return numberRuns(length).filter((run) => text.includes(run) || digitsOnly.includes(run))
}

/** Freezes a value and all it holds, as RTK's state is frozen. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
