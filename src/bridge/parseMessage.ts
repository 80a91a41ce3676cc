import type { CrmCloseRequestPayload, CrmMessageType } from '../requests/types.js'
import { NOT_DATA, isPlainRecord, isShortString, ownValue } from '../protocol/guards.js'
import { MAX_REQUEST_ID_LENGTH, isProtocolVersion } from '../protocol/rules.js'
import {
  MAX_RAW_DESTINATION_LENGTH,
  checkNormalized,
  type CrmDestinationNormalizer,
  type CrmNormalizedDestination,
} from './normalizeDestination.js'

/** The longest `type` looked at; longer ones are nobody's protocol message. */
const MAX_TYPE_LENGTH = 64
/** A tab id is a UUID: 36 characters. Anything longer is refused before it is looked at. */
const MAX_TAB_ID_LENGTH = 36

export type ParseResult<T> =
  { ok: true; payload: T } | { ok: false; reason: 'invalid-message' | 'invalid-destination' }

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

/** The types the bridge acts on: the spec's two, and the page's request for a hello. */
export type KnownType = CrmMessageType | 'CRM_HELLO'

export function isKnownType(type: string): type is KnownType {
  return type === 'CLOSE_CRM_TAB' || type === 'MAKE_CALL' || type === 'CRM_HELLO'
}

/**
 * The fields any message may carry beyond the spec's: its own request id, and its protocol version
 * (`undefined` when it is not a whole number from 1).
 */
export interface RequestFields {
  clientRequestId?: string
  version: number | undefined
}

function readRequestFields(data: Record<string, unknown>): RequestFields | undefined {
  const requestId = ownValue(data, 'requestId')
  const raw = ownValue(data, 'version') ?? 1
  if (requestId !== undefined && !isShortString(requestId, MAX_REQUEST_ID_LENGTH)) return undefined
  const version = isProtocolVersion(raw) ? raw : undefined
  return requestId === undefined ? { version } : { clientRequestId: requestId, version }
}

/** `payload` as a plain object; `undefined` when absent; `null` when it is anything else. */
function readPayload(data: Record<string, unknown>): Record<string, unknown> | undefined | null {
  const payload = ownValue(data, 'payload')
  if (payload === undefined) return undefined
  return isPlainRecord(payload) ? payload : null
}

function readCloseTab(data: Record<string, unknown>): ParseResult<CrmCloseRequestPayload> {
  const payload = readPayload(data)
  if (payload === null) return { ok: false, reason: 'invalid-message' }
  const id = payload === undefined ? undefined : ownValue(payload, 'id')
  if (id === undefined) return { ok: true, payload: {} }
  if (!isShortString(id, MAX_TAB_ID_LENGTH)) return { ok: false, reason: 'invalid-message' }
  return { ok: true, payload: { id } }
}

function readMakeCall(
  data: Record<string, unknown>,
  normalize: CrmDestinationNormalizer,
): ParseResult<CrmNormalizedDestination> {
  const payload = readPayload(data)
  if (!payload) return { ok: false, reason: 'invalid-message' }
  const raw = ownValue(payload, 'destination')
  if (raw === NOT_DATA) return { ok: false, reason: 'invalid-message' }
  if (typeof raw !== 'string' || raw.length > MAX_RAW_DESTINATION_LENGTH) {
    return { ok: false, reason: 'invalid-destination' }
  }
  let normalized: CrmNormalizedDestination | undefined
  try {
    normalized = checkNormalized(normalize(raw))
  } catch {
    normalized = undefined // the host's normalizer threw: nothing to dial
  }
  return normalized
    ? { ok: true, payload: normalized }
    : { ok: false, reason: 'invalid-destination' }
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

const INVALID = { ok: false, reason: 'invalid-message' } as const

/** The request fields; `undefined` when `requestId` is malformed, so there is no id to answer to. */
export const parseRequestFields = orInvalid(readRequestFields, undefined)
/** A `CLOSE_CRM_TAB`'s payload, or why it is refused. */
export const parseCloseTab = orInvalid(readCloseTab, INVALID)
/** A `MAKE_CALL`'s payload with the destination normalized, or why it is refused. */
export const parseMakeCall = orInvalid(readMakeCall, INVALID)
