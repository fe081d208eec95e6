import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "../db/demo-community";
import { buildIsCurrent, freePort, startServer } from "./server";

/**
 * Lighthouse 12.2.3 (mobile, the default) on the production build: the login
 * page, alice's inbox and a conversation of 160 messages. A benchmark, never a
 * pass/fail: scores move with the machine's load, which is recorded beside them.
 * The session travels in --extra-headers (Lighthouse has no cookie option): the
 * page's own fetches may go without it (401s in the console, best practices 96).
 * Usage: npm run build && npm run bench:lighthouse [-- --runs 3]
 */
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 1;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const DATA_DIR = ".data-lighthouse";
const log = (line: string) => console.info(`[lighthouse] ${line}`);

/** A tiny cookie jar over fetch: enough for the CSRF cookie and next-auth's session. */
class Visitor {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("Cookie", this.cookieHeader);
    headers.set("Origin", this.base);
    const csrf = this.cookies.get("csrftoken");
    if (csrf) headers.set("X-CSRFToken", decodeURIComponent(csrf));
    const answer = await fetch(`${this.base}${pathname}`, { ...init, headers, redirect: "manual" });
    for (const line of answer.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return answer;
  }

  async signIn(username: string, password: string) {
    await this.fetch("/login/");
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const body = new URLSearchParams({ username, password, csrfToken, json: "true" });
    const answer = await this.fetch("/api/auth/callback/credentials", { method: "POST", body });
    if (answer.status >= 400) throw new Error(`sign-in of ${username} answered ${answer.status}`);
  }

  async json<T>(pathname: string, body?: unknown): Promise<T> {
    const init = body === undefined ? {} : { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } };
    const answer = await this.fetch(pathname, init);
    if (!answer.ok) throw new Error(`${pathname} answered ${answer.status}: ${await answer.text()}`);
    return (await answer.json()) as T;
  }
}

/** 160 messages between alice and a new member, sent within the limit of 30 per member per 10 s. */
async function longConversation(base: string, alice: Visitor): Promise<number> {
  const partner = new Visitor(base);
  await partner.fetch("/login/");
  const username = `lh_${Date.now().toString(36)}`;
  const password = "lighthouse-password";
  await partner.json("/api/account/signup/", { username, email: `${username}@example.com`, name: "Lighthouse Partner", password });
  await partner.signIn(username, password);
  const { users } = await alice.json<{ users: { id: number; username: string }[] }>(`/messaging/api/search-users/?q=${username}`);
  const partnerId = users.find((u) => u.username === username)!.id;
  const { users: found } = await partner.json<{ users: { id: number; username: string }[] }>("/messaging/api/search-users/?q=alice");
  const aliceId = found.find((u) => u.username === "alice")!.id;
  for (let i = 1; i <= 160; i++) {
    const [from, to] = i % 2 ? [alice, partnerId] : [partner, aliceId];
    const content = `Message ${i}: ${i % 7 === 0 ? "see https://example.com/notes/" + i + " for the details" : "a line of a long conversation, about plans and coffee"}.`;
    await from.json("/messaging/api/send/", { receiver_id: to, content, message_type: i % 11 === 0 ? "coffee_chat" : "general" });
    if (i % 50 === 0) await new Promise((r) => setTimeout(r, 10_500)); // 25 each per 10 s
  }
  // Read, as a history usually is: an unread one opens at its first unread message and loads older pages at once.
  await alice.json(`/messaging/api/mark-conversation-read/${partnerId}/`, {});
  return partnerId;
}

type Scores = Record<(typeof CATEGORIES)[number], number> & { tbt: number; lcp: number; cls: number };

function lighthouse(url: string, cookie: string | null, outFile: string): Scores {
  const args = [
    "-y",
    "lighthouse@12.2.3",
    url,
    "--chrome-path=/usr/bin/chromium",
    "--chrome-flags=--headless=new --no-sandbox",
    `--only-categories=${CATEGORIES.join(",")}`,
    "--output=json",
    `--output-path=${outFile}`,
    "--quiet",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  execFileSync("npx", args, { stdio: ["ignore", "ignore", "inherit"] });
  const report = JSON.parse(readFileSync(outFile, "utf8")) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue: number }>;
  };
  const score = (c: string) => Math.round(report.categories[c]!.score * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
    tbt: Math.round(report.audits["total-blocking-time"]!.numericValue),
    lcp: Math.round(report.audits["largest-contentful-paint"]!.numericValue),
    cls: Number(report.audits["cumulative-layout-shift"]!.numericValue.toFixed(3)),
  };
}

async function main() {
  if (!buildIsCurrent()) throw new Error("Run `npm run build` first: Lighthouse measures the production build.");
  rmSync(DATA_DIR, { recursive: true, force: true });
  const port = await freePort();
  const server = await startServer({ DATA_DIR, NEXTAUTH_URL: `http://127.0.0.1:${port}` }, port);
  const folder = path.join("bench", "results");
  mkdirSync(folder, { recursive: true });
  try {
    const alice = new Visitor(server.url);
    await alice.signIn("alice", DEMO_PASSWORD);
    log("writing a conversation of 160 messages");
    const partnerId = await longConversation(server.url, alice);
    const pages = [
      { name: "login", url: `${server.url}/login/`, cookie: null },
      { name: "inbox", url: `${server.url}/messaging/`, cookie: alice.cookieHeader },
      { name: "conversation (160 messages)", url: `${server.url}/messaging/conversation/${partnerId}/`, cookie: alice.cookieHeader },
    ];
    const rows: { page: string; run: number; load: string; scores: Scores }[] = [];
    for (const page of pages) {
      for (let run = 1; run <= RUNS; run++) {
        const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
        log(`${page.name}, run ${run} (load ${load})`);
        // The last full report of each page stays beside the results (ignored by git) for reading.
        const slug = page.name.split(" ")[0];
        const scores = lighthouse(page.url, page.cookie, path.join(folder, `lighthouse-${slug}.tmp`));
        rows.push({ page: page.name, run, load, scores });
      }
    }
    const table = [
      "| page | run | performance | accessibility | best practices | SEO | TBT ms | LCP ms | CLS | load (1/5/15 min) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map(({ page, run, load, scores: s }) =>
        `| ${page} | ${run} | ${s.performance} | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} | ${s.tbt} | ${s.lcp} | ${s.cls} | ${load} |`,
      ),
    ].join("\n");
    console.info(`\n${table}\n`);
    const startedAt = new Date().toISOString();
    const file = path.join(folder, `lighthouse-${startedAt.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ startedAt, lighthouse: "12.2.3", formFactor: "mobile", cpus: os.cpus().length, rows }, null, 2)}\n`);
    writeFileSync(path.join(folder, "lighthouse-latest.md"), `${table}\n`);
    log(`saved ${file}`);
  } finally {
    await server.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
