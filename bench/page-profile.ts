import { rmSync, writeFileSync } from "node:fs";
import puppeteer from "puppeteer-core";
import { startServer } from "./server";

/**
 * A V8 CPU profile of loading signed-in pages the way the Lighthouse bench does (one visit, then about:blank, then
 * the measured visit), as alice on a fresh embedded database, with a phone's viewport and no throttling; prints each
 * profile's functions by self time and keeps it in /tmp (Chrome DevTools opens .cpuprofile files). Lighthouse's
 * traces say which task is long; this says which function in it.
 * Usage: npm run build && npx tsx bench/page-profile.ts /messaging/ /messaging/conversation/2/  (PROF_PORT, default 3820)
 */
type Profile = { nodes: { id: number; callFrame: { functionName: string; url: string; columnNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] };

function selfTimes(profile: Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, columnNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    total += ms;
    const key = `${functionName || "(anonymous)"} ${url.replace(/.*\//, "")}:${columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return `busy ${total.toFixed(0)} ms; by self time: ${top.map(([k, ms]) => `${k} ${ms.toFixed(1)}`).join("; ")}`;
}

const port = Number(process.env.PROF_PORT ?? 3820);
const pages = process.argv.slice(2);
async function main() {
  rmSync(".data-profile", { recursive: true, force: true });
  const server = await startServer({ DATA_DIR: ".data-profile", NEXTAUTH_URL: `http://127.0.0.1:${port}` }, port, "/tmp/prof-server.log");
  const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 412, height: 823, isMobile: true, deviceScaleFactor: 1.75, hasTouch: true });
    await page.goto(`${server.url}/login/`, { waitUntil: "load" });
    await page.type("input[name=username]", "alice");
    await page.type("input[type=password]", "demo-password");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of pages) {
      for (let i = 0; i < 3; i++) {
        await page.goto(`${server.url}${p}`, { waitUntil: "load" }).catch(() => {});
        await page.goto("about:blank");
        const cdp = await page.createCDPSession();
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
        await cdp.send("Profiler.start");
        await page.goto(`${server.url}${p}`, { waitUntil: "load" });
        await new Promise((r) => setTimeout(r, 2000));
        const { profile } = await cdp.send("Profiler.stop");
        const file = `/tmp/prof-${p.replace(/\W+/g, "_")}-${i}.cpuprofile`;
        writeFileSync(file, JSON.stringify(profile));
        console.info(`${file}\n  ${selfTimes(profile as Profile)}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(".data-profile", { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
