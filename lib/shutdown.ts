import { processWide } from "@/lib/process-wide";

/** Work to finish before the process exits on SIGTERM/SIGINT, run in the order it was registered. */
type Hook = () => Promise<void> | void;

type State = { hooks: Hook[]; installed: boolean; stopping: boolean };
// One per process: dev hot reloads and a second bundle must not install the handlers twice.
const state = processWide<State>("shutdown", () => ({ hooks: [], installed: false, stopping: false }));

export function onShutdown(hook: Hook): void {
  state.hooks.push(hook);
}

/** Runs the hooks once, then exits with the signal's conventional code (130 for SIGINT, 143 for SIGTERM). */
export function exitOnSignals(): void {
  if (state.installed) return;
  state.installed = true;
  const stop = async (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    for (const hook of state.hooks) {
      try {
        await hook();
      } catch (error) {
        console.error("Error while shutting down", error);
      }
    }
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
