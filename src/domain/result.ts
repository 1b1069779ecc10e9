/**
 * The outcome of anything a user can get wrong. A parse failure is an
 * expected value with a reason code (the message catalogue turns the code
 * into a sentence), so callers are forced by the type to handle it; only bugs
 * throw.
 */
export type Result<T, E extends string> = { ok: true; value: T } | { ok: false; reason: E };

/** Wraps a successful value, so call sites read `return ok(x)` instead of an object literal. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Wraps a reason code for a user mistake, the counterpart of {@link ok}. */
export function err<E extends string>(reason: E): { ok: false; reason: E } {
  return { ok: false, reason };
}
