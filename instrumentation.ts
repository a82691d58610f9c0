// Next.js calls register() once per server process before serving anything.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigOrExit } = await import('@/lib/config-startup');
    checkConfigOrExit();
    // `next build` also loads this file while it prerenders: a build must not observe clusters or
    // write history. The collector starts only if COLLECTOR_MODE is `embedded` (the default).
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      const { startEmbeddedCollector } = await import('@/lib/collector/embedded');
      startEmbeddedCollector();
    }
  }
}
