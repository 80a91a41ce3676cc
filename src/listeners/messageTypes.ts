import { createCrmMessageAction } from '../bridge/requestActions.js'
import type { CrmMessageDefinition } from './types.js'

/** The defaults of a custom message type, documented on {@link CrmMessageDefinition}. */
const PER_MINUTE = 60
const TIMEOUT = 30_000

/**
 * The host's custom message types, by name, each with its action creator and its defaults filled
 * in: what the gate and the message listener need. Checked by `checkOptions` before.
 */
export function messageTypes(definitions: Readonly<Record<string, CrmMessageDefinition>> = {}) {
  return new Map(
    Object.entries(definitions).map(([type, { parse, handle, perMinute, timeout }]) => [
      type,
      {
        type,
        parse,
        handle,
        perMinute: perMinute ?? PER_MINUTE,
        timeout: timeout ?? TIMEOUT,
        action: createCrmMessageAction(type),
      },
    ]),
  )
}

export type MessageTypes = ReturnType<typeof messageTypes>
