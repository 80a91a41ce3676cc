// The rules both sides apply to the wire, so that the bridge and the client cannot disagree on what
// a version or an answer is. Plain functions and numbers: nothing here pulls in Redux.

import type { CrmResultType } from './types.js'

/** The longest `requestId` UCP accepts; a longer one makes the message `invalid-message`. */
export const MAX_REQUEST_ID_LENGTH = 64

/**
 * Whether `value` is a protocol version: a whole number from 1. The bridge refuses a message whose
 * `version` is not one; the client ignores a hello or an answer whose `version` is not one.
 */
export const isProtocolVersion = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 1

/**
 * The `type` of the answer to a message of type `type`: the bridge answers with it, and the client
 * takes an answer only when its type is the one its request asked for.
 *
 * @example
 * resultTypeOf('MAKE_CALL') // 'MAKE_CALL_RESULT'
 */
export const resultTypeOf = <T extends string>(type: T): CrmResultType<T> => `${type}_RESULT`
