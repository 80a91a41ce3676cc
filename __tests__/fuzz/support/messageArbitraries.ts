// What a hostile or buggy sender can put in a `message` event: any value at all, and values shaped
// like the protocol's messages but wrong in every field, built in the ways that fool naive parsers
// (own `__proto__` keys from JSON.parse, getters, proxies, null prototypes, very long strings).
import fc from 'fast-check'

/** Where a message comes from; the world (fuzzWorld.ts) turns each kind into a real `source`. */
export const SOURCE_KINDS = [
  'tab0', // registered frame of https://crm.example.com/a
  'tab1', // registered frame of https://crm.example.com/b (same origin as tab0)
  'tab2', // registered frame of https://other.example/c
  'tab3', // unregistered frame under #iframe-parent, named by data-crm-tab-id
  'tab4', // unregistered frame under #iframe-parent, found by its URL
  'stray', // a frame under #iframe-parent that is no tab's, at tab0's URL
  'stranger', // a frame outside #iframe-parent
  'nested', // a frame inside tab0's page
  'removed', // the window of a frame just removed from the DOM
  'top', // the host window itself
  'null', // no source, as after teardown
  'object', // a synthetic event's made-up source
] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export const TAB_ORIGINS = ['https://crm.example.com', 'https://other.example']

/** The origin each tab frame's page really has (tab0 to tab4, as in fuzzWorld.ts). */
const OWN_ORIGINS: Record<string, string> = {
  tab0: TAB_ORIGINS[0]!,
  tab1: TAB_ORIGINS[0]!,
  tab2: TAB_ORIGINS[1]!,
  tab3: TAB_ORIGINS[0]!,
  tab4: TAB_ORIGINS[1]!,
}

export const originArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TAB_ORIGINS, 'https://partner.example') },
  fc.constantFrom('null', '', 'https://15551234567.evil.example', 'http://555.123.4567.example'),
  fc.webUrl().map((url) => new URL(url).origin),
  fc.string({ maxLength: 40 }),
)

/** Who sends: often a tab's frame from its own page, else any source with any origin. */
export const senderArbitrary: fc.Arbitrary<[SourceKind, string]> = fc.oneof(
  fc
    .constantFrom<SourceKind>('tab0', 'tab1', 'tab2', 'tab3', 'tab4')
    .map((kind): [SourceKind, string] => [kind, OWN_ORIGINS[kind]!]),
  fc.tuple(fc.constantFrom(...SOURCE_KINDS), originArbitrary),
)

const longString = fc
  .tuple(fc.constantFrom('5', 'a', ' '), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([unit, length]) => unit.repeat(length))

/** Any value a test would never think of, including Map, Set, typed arrays, boxed values. */
export const anythingArbitrary = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
})

const oddValue = fc.oneof(anythingArbitrary, longString, fc.string({ maxLength: 80 }))

const typeArbitrary = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('CLOSE_CRM_TAB', 'MAKE_CALL', 'CRM_HELLO') },
  fc.constantFrom('close_crm_tab', 'MAKE_CALL ', '__proto__', 'constructor', 'MAKE_CALL_RESULT'),
  fc.string({ maxLength: 70 }),
  longString,
)

const destinationArbitrary = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^\+?[0-9 ().-]{0,40}$/) },
  // A few numbers again and again, so that double dials and the per-minute cap are reached.
  { weight: 2, arbitrary: fc.constantFrom('555 0100', '555 0101', '5550102') },
  // Extensions, feature codes and digits of other scripts, as CRM pages send them.
  {
    weight: 2,
    arbitrary: fc.stringMatching(
      /^[*#]?[0-9*#]{0,3}[ (]?[2-9][0-9]{2}[) -]?[0-9]{3}-?[0-9]{4}( (x|ext\.?) ?[0-9]{1,5})?$/,
    ),
  },
  fc.constantFrom(
    '+1 (555) 123-4567',
    '1'.repeat(33),
    'call me',
    '٣٤٥',
    '555-1234 ext. 89',
    'tel:+1-555-123-4567;ext=89',
    '*67 555 1234',
    '+1 555 ١٢٣ 4567',
    '1-800-FLOWERS',
    '\u202e7654321',
    'ext. 204',
  ),
  oddValue,
)

/** A tab named by its index in the world (resolved to that tab's id at send time), or anything. */
export type IdSpec = { tab: number } | { value: unknown }
const idArbitrary: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ tab: fc.nat(6) }) },
  fc.record({ value: fc.oneof(fc.uuid(), oddValue) }),
)

export interface PayloadSpec {
  id?: IdSpec
  destination?: unknown
  extra: Record<string, unknown>
}

/** How the message object is built: each form has fooled some parser somewhere. */
export type MessageForm = 'literal' | 'nullPrototype' | 'jsonProto' | 'getters' | 'proxy'

export interface MessageSpec {
  form: MessageForm
  type: string
  payload: PayloadSpec | { raw: unknown } | undefined
  requestId?: unknown
  version?: unknown
}

const payloadArbitrary = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        id: idArbitrary,
        destination: destinationArbitrary,
        extra: fc.dictionary(fc.string({ maxLength: 10 }), anythingArbitrary, { maxKeys: 2 }),
      },
      { requiredKeys: ['extra'] },
    ),
  },
  fc.record({ raw: oddValue }),
  fc.constant(undefined),
)

const absent = fc.constant(undefined)

// Mostly well-formed around the field under attack, so that messages get far enough to be acted on.
export const messageSpecArbitrary: fc.Arbitrary<MessageSpec> = fc.record({
  form: fc.oneof(
    { weight: 4, arbitrary: fc.constant<MessageForm>('literal') },
    fc.constantFrom<MessageForm>('nullPrototype', 'jsonProto', 'getters', 'proxy'),
  ),
  type: typeArbitrary,
  payload: payloadArbitrary,
  requestId: fc.oneof(
    { weight: 4, arbitrary: absent },
    { weight: 2, arbitrary: fc.uuid() },
    fc.constantFrom('r-1', 'r-2'),
    fc.string({ maxLength: 70 }),
    oddValue,
  ),
  version: fc.oneof(
    { weight: 4, arbitrary: absent },
    { weight: 2, arbitrary: fc.constant(1) },
    fc.constantFrom(2, 0, -1, 1.5, '1'),
    fc.integer(),
    oddValue,
  ),
})

/** Counts reads through getters and proxy traps: parsing must never run the sender's code. */
export const hostileReads = { count: 0 }

function withGetters(record: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    Object.defineProperty(result, key, {
      enumerable: true,
      get: () => {
        hostileReads.count++
        return value
      },
    })
  }
  return result
}

function trappingProxy(record: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(record, {
    get(target, key, receiver) {
      hostileReads.count++
      return Reflect.get(target, key, receiver)
    },
  })
}

/** Builds the message data of `spec`; `tabIds` resolves `{ tab: n }` (past the end: a closed tab). */
export function buildMessage(spec: MessageSpec, tabIds: readonly string[]): unknown {
  let payload: unknown
  if (spec.payload !== undefined && 'raw' in spec.payload) payload = spec.payload.raw
  else if (spec.payload !== undefined) {
    const { id, destination, extra } = spec.payload
    const record: Record<string, unknown> = { ...extra }
    if (id !== undefined) {
      record.id =
        'tab' in id ? (tabIds[id.tab] ?? '550e8400-e29b-41d4-a716-446655440000') : id.value
    }
    if (destination !== undefined) record.destination = destination
    payload = record
  }
  const fields: Record<string, unknown> = { type: spec.type }
  if (payload !== undefined) fields.payload = payload
  if (spec.requestId !== undefined) fields.requestId = spec.requestId
  if (spec.version !== undefined) fields.version = spec.version

  switch (spec.form) {
    case 'literal':
      return fields
    case 'nullPrototype':
      return Object.assign(Object.create(null) as object, fields)
    case 'getters':
      return withGetters(fields)
    case 'proxy':
      return trappingProxy(fields)
    case 'jsonProto': {
      // JSON.parse makes `__proto__` an own data property: a parser that copies or merges it
      // with plain assignment would set a prototype, or pollute Object.prototype.
      const proto = '"__proto__":{"polluted":true,"type":"MAKE_CALL","destination":"15551234567"}'
      let json: string | undefined
      try {
        json = JSON.stringify(fields, (_key, value: unknown) =>
          typeof value === 'bigint' ? String(value) : value,
        )
      } catch {
        return fields // a boxed BigInt: JSON has no form for it
      }
      if (json === undefined) return fields
      const withProto = json
        .replace(/^\{/, `{${proto},`)
        .replace('"payload":{', `"payload":{${proto},`)
        .replaceAll(`${proto},}`, `${proto}}`)
      return JSON.parse(withProto) as unknown
    }
  }
}
