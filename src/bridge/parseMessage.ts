import type { CrmRejectReason } from '../protocol/types.js'
import { NOT_DATA, isPlainRecord, isShortString, ownValue } from '../protocol/guards.js'
import { MAX_REQUEST_ID_LENGTH, isProtocolVersion } from '../protocol/rules.js'
import {
  MAX_RAW_DESTINATION_LENGTH,
  checkNormalized,
  type CrmDestinationNormalizer,
  type CrmNormalizedDestination,
} from './normalizeDestination.js'
import type { CrmCloseRequestPayload } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** The longest `type` looked at; longer ones are nobody's protocol message. */
const MAX_TYPE_LENGTH = 64
/** A tab id is a UUID: 36 characters. Anything longer is refused before it is looked at. */
const MAX_TAB_ID_LENGTH = 36

/**
 * A payload read, or why not: the reason code and what exactly was wrong. The detail names a field
 * and a rule, never the field's value, so it never holds a phone number.
 */
export type ParseResult<T> =
  { ok: true; payload: T } | { ok: false; reason: CrmRejectReason; detail: string | undefined }

const refuse = (detail: string | undefined, reason: CrmRejectReason = 'invalid-message') =>
  ({ ok: false, reason, detail }) as const

/** The `type` of a protocol-shaped message (a plain object with a short string `type`), else `undefined`. */
export function peekType(data: unknown): string | undefined {
  try {
    if (!isPlainRecord(data)) return undefined
    const type = ownValue(data, 'type')
    return isShortString(type, MAX_TYPE_LENGTH) ? type : undefined
  } catch {
    return undefined // a hostile Proxy in a synthetic event: not a protocol message
  }
}

/**
 * The fields any message may carry beyond the spec's: its own request id, and its protocol version.
 * `ok: false` when `requestId` is malformed (there is then no id to answer to) or `version` is.
 */
export type RequestFields =
  | { ok: true; clientRequestId?: string; version: number }
  | { ok: false; clientRequestId?: string; detail: string | undefined }

function readRequestFields(data: Record<string, unknown>): RequestFields {
  const requestId = ownValue(data, 'requestId')
  if (requestId !== undefined && !isShortString(requestId, MAX_REQUEST_ID_LENGTH)) {
    return {
      ok: false,
      detail:
        process.env.NODE_ENV !== 'production'
          ? `requestId is not a string of 1 to ${MAX_REQUEST_ID_LENGTH} characters`
          : undefined,
    }
  }
  const clientRequestId = requestId as string | undefined
  const version = ownValue(data, 'version') ?? 1
  return isProtocolVersion(version)
    ? { ok: true, clientRequestId, version }
    : {
        ok: false,
        clientRequestId,
        detail:
          process.env.NODE_ENV !== 'production'
            ? 'version is not a whole number from 1'
            : undefined,
      }
}

/** `payload` as a plain object; `undefined` when absent; `null` when it is anything else. */
function readPayload(data: Record<string, unknown>): Record<string, unknown> | undefined | null {
  const payload = ownValue(data, 'payload')
  if (payload === undefined) return undefined
  return isPlainRecord(payload) ? payload : null
}

function readCloseTab(data: Record<string, unknown>): ParseResult<CrmCloseRequestPayload> {
  const payload = readPayload(data)
  if (payload === null)
    return refuse(
      process.env.NODE_ENV !== 'production' ? 'payload is not a plain object' : undefined,
    )
  const id = payload === undefined ? undefined : ownValue(payload, 'id')
  if (id === undefined) return { ok: true, payload: {} }
  if (!isShortString(id, MAX_TAB_ID_LENGTH)) {
    return refuse(
      process.env.NODE_ENV !== 'production'
        ? `payload.id is not a string of 1 to ${MAX_TAB_ID_LENGTH} characters`
        : undefined,
    )
  }
  return { ok: true, payload: { id } }
}

function readMakeCall(
  data: Record<string, unknown>,
  normalize: CrmDestinationNormalizer,
): ParseResult<CrmNormalizedDestination> {
  const payload = readPayload(data)
  if (payload === undefined)
    return refuse(process.env.NODE_ENV !== 'production' ? 'payload is missing' : undefined)
  if (payload === null)
    return refuse(
      process.env.NODE_ENV !== 'production' ? 'payload is not a plain object' : undefined,
    )
  const raw = ownValue(payload, 'destination')
  if (raw === undefined)
    return refuse(
      process.env.NODE_ENV !== 'production' ? 'payload.destination is missing' : undefined,
      'invalid-destination',
    )
  if (raw === NOT_DATA)
    return refuse(
      process.env.NODE_ENV !== 'production'
        ? 'payload.destination is not a data property'
        : undefined,
    )
  if (typeof raw !== 'string') {
    return refuse(
      process.env.NODE_ENV !== 'production' ? 'payload.destination is not a string' : undefined,
      'invalid-destination',
    )
  }
  if (raw.length > MAX_RAW_DESTINATION_LENGTH) {
    return refuse(
      process.env.NODE_ENV !== 'production'
        ? `payload.destination is longer than ${MAX_RAW_DESTINATION_LENGTH} characters`
        : undefined,
      'invalid-destination',
    )
  }
  const normalized = checkNormalized(normalize(raw))
  return normalized
    ? { ok: true, payload: normalized }
    : refuse(
        process.env.NODE_ENV !== 'production'
          ? 'payload.destination is not a number that can be dialled as shown'
          : undefined,
        'invalid-destination',
      )
}

/**
 * `parse`, made to treat a throw as malformed data. The readers touch own data properties only, but
 * a synthetic event may carry a hostile Proxy whose traps throw.
 */
function orInvalid<A extends unknown[], R>(parse: (...args: A) => R, invalid: R) {
  return (...args: A): R => {
    try {
      return parse(...args)
    } catch {
      return invalid
    }
  }
}

/** The request fields, or why they are malformed. */
export const parseRequestFields = orInvalid(readRequestFields, {
  ok: false,
  detail: process.env.NODE_ENV !== 'production' ? 'the message could not be read' : undefined,
})
/** A `CLOSE_CRM_TAB`'s payload, or why it is refused. */
export const parseCloseTab = orInvalid(
  readCloseTab,
  refuse(process.env.NODE_ENV !== 'production' ? 'the payload could not be read' : undefined),
)
/** A `MAKE_CALL`'s payload with the destination normalized, or why it is refused. */
export const parseMakeCall = orInvalid(
  readMakeCall,
  refuse(process.env.NODE_ENV !== 'production' ? 'the payload could not be read' : undefined),
)
