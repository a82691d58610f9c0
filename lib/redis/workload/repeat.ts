/** Runs `task` now and then `intervalMs` after each run ends, until stopped. */
export function repeat(intervalMs: number, task: () => Promise<void>, onError: (error: unknown) => void): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = task().catch(onError).finally(() => {
      if (!stopped) {
        timer = setTimeout(tick, intervalMs);
      }
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      // The run in flight finishes before the connections it uses are closed.
      await running;
    },
  };
}
