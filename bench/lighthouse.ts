import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import { DEMO_PASSWORD } from "../db/demo-community";
import { buildIsCurrent, freePort, startServer } from "./server";

/**
 * Lighthouse 12.2.3 (mobile, the default) on the production build: the login
 * page, alice's inbox and a conversation of 160 messages. A benchmark, never a
 * pass/fail: scores move with the machine's load, which is recorded beside them.
 * Lighthouse runs through its Node API in a Chromium driven by puppeteer-core,
 * with alice's cookies set in that browser, so the page's own fetches and its
 * event stream are signed in as a member's are (--extra-headers reaches only
 * the document). Each run gets a fresh browser; one unmeasured visit first sets
 * what a returning member's browser holds (the reader-clock cookie).
 * Usage: npm run build && npm run bench:lighthouse [-- --runs 3] [--trace] [--only conversation]
 */
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 1;
/** --trace keeps each run's trace too (lighthouse-<page>-<run>.trace.tmp: Chrome DevTools' Performance panel opens it). */
const TRACE = process.argv.includes("--trace");
/** --only <page> (login, inbox or conversation) measures that page alone. */
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
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

type Cookie = { name: string; value: string };

async function audit(url: string, cookies: Cookie[], outFile: string, traceFile: string): Promise<Scores> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const page = await browser.newPage();
    if (cookies.length) await page.setCookie(...cookies.map((c) => ({ ...c, url })));
    await page.goto(url, { waitUntil: "load" });
    const result = await lighthouse(url, { output: "json", onlyCategories: [...CATEGORIES], logLevel: "error" }, undefined, page);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    writeFileSync(outFile, result.report as string);
    if (TRACE) {
      writeFileSync(traceFile, JSON.stringify(result.artifacts.Trace));
      writeFileSync(traceFile.replace(/\.trace\.tmp$/, ".devtoolslog.tmp"), JSON.stringify(result.artifacts.DevtoolsLog));
    }
    const { categories, audits } = result.lhr;
    const score = (c: string) => Math.round((categories[c]?.score ?? 0) * 100);
    const value = (a: string) => audits[a]?.numericValue ?? NaN;
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
      tbt: Math.round(value("total-blocking-time")),
      lcp: Math.round(value("largest-contentful-paint")),
      cls: Number(value("cumulative-layout-shift").toFixed(3)),
    };
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A page's median of every column over its runs (each column on its own). */
function medianRow(page: string, runs: Scores[]): string {
  const m = (key: keyof Scores) => median(runs.map((s) => s[key]));
  return `| **${page}** | median | **${m("performance")}** | ${m("accessibility")} | ${m("best-practices")} | ${m("seo")} | ${m("tbt")} | ${m("lcp")} | ${m("cls")} | |`;
}

/** The cookie jar's pairs as the browser's cookie API takes them. */
function cookiesOf(header: string): Cookie[] {
  return header
    .split("; ")
    .filter(Boolean)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) }));
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
    const needsConversation = !ONLY || ONLY === "conversation";
    if (needsConversation) log("writing a conversation of 160 messages");
    const partnerId = needsConversation ? await longConversation(server.url, alice) : 0;
    const pages = [
      { name: "login", url: `${server.url}/login/`, cookies: [] },
      { name: "inbox", url: `${server.url}/messaging/`, cookies: cookiesOf(alice.cookieHeader) },
      { name: "conversation (160 messages)", url: `${server.url}/messaging/conversation/${partnerId}/`, cookies: cookiesOf(alice.cookieHeader) },
    ].filter(({ name }) => !ONLY || name.split(" ")[0] === ONLY);
    if (pages.length === 0) throw new Error(`--only takes login, inbox or conversation, not ${ONLY}`);
    const rows: { page: string; run: number; load: string; scores: Scores }[] = [];
    for (const page of pages) {
      for (let run = 1; run <= RUNS; run++) {
        const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
        log(`${page.name}, run ${run} (load ${load})`);
        // The last full report of each page stays beside the results (ignored by git) for reading.
        const slug = page.name.split(" ")[0];
        const scores = await audit(
          page.url,
          page.cookies,
          path.join(folder, `lighthouse-${slug}.tmp`),
          path.join(folder, `lighthouse-${slug}-${run}.trace.tmp`),
        );
        rows.push({ page: page.name, run, load, scores });
      }
    }
    const table = [
      "| page | run | performance | accessibility | best practices | SEO | TBT ms | LCP ms | CLS | load (1/5/15 min) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...rows.map(({ page, run, load, scores: s }) =>
        `| ${page} | ${run} | ${s.performance} | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} | ${s.tbt} | ${s.lcp} | ${s.cls} | ${load} |`,
      ),
      ...(RUNS > 1 ? pages.map(({ name }) => medianRow(name, rows.filter((r) => r.page === name).map((r) => r.scores))) : []),
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
