/**
 * An abort signal that fires after `ms` or when any of `signals` fires.
 * Not `AbortSignal.any([AbortSignal.timeout(ms), …])`: on Node 20 a timeout
 * signal held only by the combined one can be garbage-collected before it
 * fires, and a hung call would then never end. Call `dispose()` when the
 * call has ended, so the timer and listeners go away.
 */
export function deadline(ms: number, ...signals: (AbortSignal | undefined)[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError')), ms);
  const sources = signals.filter((s): s is AbortSignal => s !== undefined);
  const onAbort = (): void => controller.abort();
  for (const source of sources) {
    if (source.aborted) controller.abort();
    else source.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      for (const source of sources) source.removeEventListener('abort', onAbort);
    },
  };
}
