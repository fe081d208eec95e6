// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, createElement, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LiveHandlers } from "@/lib/browser/live/connection";
import { LiveProvider, useLive, useLiveConnected } from "@/lib/browser/live/live-provider";

// The stream itself is not under test: its handlers are kept to play the server's part.
const streams: LiveHandlers[] = [];
vi.mock("@/lib/browser/live/connection", () => ({
  connectLive: (_memberId: number, handlers: LiveHandlers) => {
    streams.push(handlers);
    return () => {};
  },
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let client: QueryClient;
beforeEach(() => {
  streams.length = 0;
  root = createRoot(document.createElement("div"));
  client = new QueryClient();
});
afterEach(() => act(() => root.unmount()));

function draw(children: ReactNode) {
  return act(() =>
    root.render(createElement(QueryClientProvider, { client }, createElement(LiveProvider, { memberId: 1, children }))),
  );
}

describe("the live provider", () => {
  it("says the stream opened and closed to its readers without changing the context every screen reads", async () => {
    const seen: ReturnType<typeof useLive>[] = [];
    const states: boolean[] = [];
    function ReadsMember() {
      seen.push(useLive());
      return null;
    }
    function ReadsStatus() {
      states.push(useLiveConnected());
      return null;
    }
    await draw([createElement(ReadsMember, { key: "member" }), createElement(ReadsStatus, { key: "status" })]);
    expect(streams).toHaveLength(1);
    expect(states.at(-1)).toBe(false);

    await act(() => streams[0]!.onStatus(true, false));
    expect(states.at(-1)).toBe(true);
    await act(() => streams[0]!.onStatus(false, false));
    expect(states.at(-1)).toBe(false);

    // A changed context value would reach every screen still waiting to hydrate and make React hydrate it at once,
    // in one blocking task: the stream's state changes re-draw only the readers of useLiveConnected.
    expect(seen).toHaveLength(1);
    expect(seen[0]!.memberId).toBe(1);
  });

  it("a reader mounted after the stream opened starts from the current state", async () => {
    const states: boolean[] = [];
    function ReadsStatus() {
      states.push(useLiveConnected());
      return null;
    }
    await draw(null);
    await act(() => streams[0]!.onStatus(true, false));
    await draw(createElement(ReadsStatus));
    expect(streams).toHaveLength(1);
    expect(states.at(-1)).toBe(true);
  });
});
