/**
 * The bench dials far more often than an agent does (thousands of calls a minute from a few tabs):
 * these options let every call through the double-dial and flood guards, which would refuse them.
 */
export const GUARDS_OFF = { duplicateCallWindow: 0, maxCallsPerMinute: Infinity }
