import * as nextAuth from "@/app/api/auth/[...nextauth]/route";
import * as profile from "@/app/api/account/profile/route";
import * as signup from "@/app/api/account/signup/route";
import * as health from "@/app/api/health/route";
import * as unknownApiEndpoint from "@/app/api/[[...rest]]/route";
import * as unknownEndpoint from "@/app/messaging/api/[[...rest]]/route";
import * as conversations from "@/app/messaging/api/conversations/route";
import * as markConversationRead from "@/app/messaging/api/mark-conversation-read/[userId]/route";
import * as markRead from "@/app/messaging/api/mark-read/[messageId]/route";
import * as messages from "@/app/messaging/api/messages/[userId]/route";
import * as searchUsers from "@/app/messaging/api/search-users/route";
import * as send from "@/app/messaging/api/send/route";
import * as unreadCount from "@/app/messaging/api/unread-count/route";
import * as events from "@/app/messaging/api/events/route";
import * as typing from "@/app/messaging/api/typing/route";
import * as mutes from "@/app/messaging/api/mutes/route";
import * as deleteAccount from "@/app/api/account/delete/route";
import * as exportAccount from "@/app/api/account/export/route";
import * as password from "@/app/api/account/password/route";
import * as signOutAll from "@/app/api/account/sign-out-all/route";
import * as legacyThread from "@/app/messaging/thread/[conversationId]/route";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];
type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Response | Promise<Response>;

/**
 * Every route handler of the app, with its address and what its dynamic segment holds.
 * A new route.ts must be added here (tests/fuzz/route-table.test.ts checks that none is missing).
 */
export type FuzzRoute = {
  file: string;
  module: Partial<Record<Method, unknown>>;
  /** The address with `:param` where the generated segment goes. */
  path: string;
  /** The methods it serves (the others answer 405); most cases use one of these. */
  serves: Method[];
  /** How often it is picked, relative to the others (default 1). */
  weight?: number;
  param?: { name: string; holds: "user" | "message" | "conversation" | "segments" | "nextauth" };
  /** next-auth reads `cookies()`, which exists only inside Next's request scope: fuzzed over HTTP only. */
  httpOnly?: true;
};

export const ROUTES: FuzzRoute[] = [
  { file: "app/messaging/api/send/route.ts", module: send, path: "/messaging/api/send/", serves: ["POST"], weight: 6 },
  { file: "app/messaging/api/messages/[userId]/route.ts", module: messages, path: "/messaging/api/messages/:param/", serves: ["GET"], weight: 2, param: { name: "userId", holds: "user" } },
  { file: "app/messaging/api/mark-read/[messageId]/route.ts", module: markRead, path: "/messaging/api/mark-read/:param/", serves: ["POST"], weight: 2, param: { name: "messageId", holds: "message" } },
  {
    file: "app/messaging/api/mark-conversation-read/[userId]/route.ts",
    module: markConversationRead,
    path: "/messaging/api/mark-conversation-read/:param/",
    serves: ["POST"],
    weight: 2,
    param: { name: "userId", holds: "user" },
  },
  { file: "app/messaging/api/unread-count/route.ts", module: unreadCount, path: "/messaging/api/unread-count/", serves: ["GET"] },
  { file: "app/messaging/api/search-users/route.ts", module: searchUsers, path: "/messaging/api/search-users/", serves: ["GET"] },
  { file: "app/messaging/api/conversations/route.ts", module: conversations, path: "/messaging/api/conversations/", serves: ["GET"] },
  { file: "app/messaging/api/[[...rest]]/route.ts", module: unknownEndpoint, path: "/messaging/api/:param/", serves: ["GET", "POST"], param: { name: "rest", holds: "segments" } },
  { file: "app/messaging/thread/[conversationId]/route.ts", module: legacyThread, path: "/messaging/thread/:param/", serves: ["GET"], param: { name: "conversationId", holds: "conversation" } },
  // The events stream runs for real (the fuzzer starts live delivery); its first chunk is checked, then the client leaves.
  { file: "app/messaging/api/events/route.ts", module: events, path: "/messaging/api/events/", serves: ["GET"] },
  { file: "app/messaging/api/typing/route.ts", module: typing, path: "/messaging/api/typing/", serves: ["POST"], weight: 2 },
  { file: "app/messaging/api/mutes/route.ts", module: mutes, path: "/messaging/api/mutes/", serves: ["GET", "POST"], weight: 2 },
  { file: "app/api/account/export/route.ts", module: exportAccount, path: "/api/account/export/", serves: ["GET"] },
  { file: "app/api/account/password/route.ts", module: password, path: "/api/account/password/", serves: ["POST"] },
  { file: "app/api/account/delete/route.ts", module: deleteAccount, path: "/api/account/delete/", serves: ["POST"] },
  // Ends the fuzzer's own sessions when it succeeds: rare, so most cases still get past sign-in.
  { file: "app/api/account/sign-out-all/route.ts", module: signOutAll, path: "/api/account/sign-out-all/", serves: ["POST"], weight: 0.05 },
  { file: "app/api/[[...rest]]/route.ts", module: unknownApiEndpoint, path: "/api/:param/", serves: ["GET", "POST"], param: { name: "rest", holds: "segments" } },
  { file: "app/api/health/route.ts", module: health, path: "/api/health/", serves: ["GET"] },
  { file: "app/api/account/profile/route.ts", module: profile, path: "/api/account/profile/", serves: ["POST"] },
  { file: "app/api/account/signup/route.ts", module: signup, path: "/api/account/signup/", serves: ["POST"] },
  { file: "app/api/auth/[...nextauth]/route.ts", module: nextAuth, path: "/api/auth/:param/", serves: ["GET", "POST"], param: { name: "nextauth", holds: "nextauth" }, httpOnly: true },
];

/** The handler a route exports for a method; undefined when Next itself would answer (405 or OPTIONS/HEAD). */
export const handlerOf = (route: FuzzRoute, method: Method) => route.module[method] as Handler | undefined;

/** The routes whose handlers can be called in-process. */
export const IN_PROCESS_ROUTES = ROUTES.filter((route) => !route.httpOnly);

/** Addresses whose every answer must be JSON. */
export const answersJson = (path: string) => /^\/(messaging\/)?api(\/|$)/.test(path) && !path.startsWith("/api/auth/");
