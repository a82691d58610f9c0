/**
 * Undo steps registered as resources are created and run in reverse order exactly once: at the
 * end, on an error, or on Ctrl-C / SIGTERM / SIGHUP. A benchmark left half-way must not leave
 * brokers or a server behind on ports the next run needs.
 */
export class Cleanup {
  private readonly steps: Array<{ name: string; run: () => Promise<void> }> = [];
  private running: Promise<void> | null = null;

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  runAll(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.splice(0).reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(`bench: cleanup "${step.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.running;
  }
}

const signalExitCodes: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Runs `main`, then the cleanup whatever happened; a signal interrupts `main` and cleans up too. */
export async function runWithCleanup(main: (cleanup: Cleanup) => Promise<void>): Promise<void> {
  const cleanup = new Cleanup();
  let interrupted = false;
  for (const [signal, exitCode] of Object.entries(signalExitCodes)) {
    process.on(signal, () => {
      interrupted = true;
      console.error(`\nbench: ${signal} received, stopping the server and the brokers…`);
      void cleanup.runAll().finally(() => process.exit(exitCode));
    });
  }
  try {
    await main(cleanup);
  } catch (error) {
    // After a signal, the steps in progress fail because the cleanup closed what they used.
    if (!interrupted) console.error('bench: failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  } finally {
    await cleanup.runAll();
  }
}
