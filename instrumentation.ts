// Next.js calls register() once per server process before serving anything.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfigOrExit } = await import('@/lib/config-startup');
    checkConfigOrExit();
  }
}
