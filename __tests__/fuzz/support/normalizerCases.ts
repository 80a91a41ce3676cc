// The normalizers the fuzzer runs the bridge with, and what each may hand the softphone.
import { dialAsShown, keepLeadingPlus, type CrmDestinationNormalizer } from 'ucp-crm-bridge'
import { e164Destination } from 'ucp-crm-bridge/phone'

export interface NormalizerCase {
  name: string
  normalize: CrmDestinationNormalizer
  /** Every destination it lets through to `dial`. */
  dialled: RegExp
  /** Whether it splits off extensions. */
  extensions: boolean
}

/** The default: 1 to 32 characters of digits, `*` and `#`, at least one of them a digit. */
export const DEFAULT_NORMALIZER: NormalizerCase = {
  name: 'dialAsShown',
  normalize: dialAsShown,
  dialled: /^(?=[*#]*[0-9])[0-9*#]{1,32}$/,
  extensions: true,
}

export const NORMALIZERS: NormalizerCase[] = [
  DEFAULT_NORMALIZER,
  {
    name: 'keepLeadingPlus',
    normalize: keepLeadingPlus,
    dialled: /^\+?[0-9]{1,32}$/,
    extensions: false,
  },
  {
    name: 'e164Destination',
    normalize: e164Destination({ defaultCountry: 'US' }),
    dialled: /^\+[0-9]{1,15}$/,
    extensions: true,
  },
]

/** What an extension is, whoever split it off. */
export const EXTENSION = /^[0-9]{1,16}$/
