// Browser checks of the built site, run from .ci/run:
//   cd .ci/site-check && npm ci && node check.mjs ../../public
// 1. axe-core (WCAG 2.1 A/AA and best practices) on every HTML page in headless
//    Chromium (/usr/bin/chromium, or $CHROMIUM), at desktop and phone width;
// 2. every internal link, script, stylesheet and image resolves, and every #anchor
//    exists on its target page; pages load without console errors;
// 3. the Nu HTML Checker (vnu.jar, --errors-only) on every HTML file;
// 4. no page requests anything outside the local server: such a request is
//    aborted and reported.
// Exits 1 on any finding, 2 when the checks could not run.
// Pages are checked SITE_CHECK_JOBS at a time (default: the number of cores), and
// the Nu checker runs meanwhile; findings are printed sorted, so the output does
// not depend on the order pages finished in.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { spawn } from "node:child_process";
import os from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const root = path.resolve(process.argv[2] || "../../public");
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".md": "text/markdown; charset=utf-8", ".csv": "text/csv; charset=utf-8",
  ".pdf": "application/pdf", ".wasm": "application/wasm", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

async function walk(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out.sort();
}

// resolve maps a URL path to a file under root, or null.
async function resolve(urlPath) {
  let p = path.join(root, decodeURIComponent(urlPath));
  if (!p.startsWith(root)) return null;
  try {
    if ((await stat(p)).isDirectory()) p = path.join(p, "index.html");
    await stat(p);
    return p;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  const u = new URL(req.url, "http://x");
  // Chromium asks for /favicon.ico by itself when a page declares no icon (the
  // standalone reports may not link anything); that probe is not the page's request.
  if (u.pathname === "/favicon.ico") { res.writeHead(204); res.end(); return; }
  const file = await resolve(u.pathname);
  if (!file) { res.writeHead(404); res.end("not found"); return; }
  res.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
  res.end(await readFile(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const findings = [];
const find = (where, what) => findings.push(`${where}: ${what}`);

const files = await walk(root);
// Downloads (the standalone report files) are not site pages: .ci/report-check.sh
// checks the reports on their own, in every language; their links are still checked here.
const pages = files.filter((f) => f.endsWith(".html") && !path.relative(root, f).startsWith("downloads" + path.sep)).map((f) => "/" + path.relative(root, f).split(path.sep).join("/").replace(/index\.html$/, ""));
if (pages.length === 0) { console.error(`no HTML pages under ${root}`); process.exit(2); }

// The Nu HTML Checker runs in its own process while the browser checks the pages.
const vnuRun = new Promise((done) => {
  const files = pages.map((p) => path.join(root, p.endsWith("/") ? p + "index.html" : p));
  const child = spawn("java", ["-jar", require.resolve("vnu-jar/build/dist/vnu.jar"), "--errors-only", ...files]);
  let text = "";
  child.stdout.on("data", (d) => { text += d; });
  child.stderr.on("data", (d) => { text += d; });
  child.on("error", (error) => done({ error }));
  child.on("close", (status) => done({ status, text }));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const ids = new Map(); // page path -> Set of ids

// offline aborts and reports every request that would leave the local server.
async function offline(context, where) {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const u = new URL(url);
    if (u.origin === origin || u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    find(where(route.request()), `external request ${url}`);
    return route.abort("blockedbyclient");
  });
}
const links = []; // {from, url}
const jobs = Math.max(1, Number(process.env.SITE_CHECK_JOBS) || os.availableParallelism());

for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 375, height: 812 }]]) {
  const context = await browser.newContext({ viewport, bypassCSP: true });
  await offline(context, (r) => {
    try { return `${new URL(r.frame().url()).pathname} (${label})`; } catch { return label; }
  });
  const checkPage = async (p) => {
    if (process.env.SITE_CHECK_VERBOSE) console.error(`${new Date().toISOString()} ${label} ${p}`);
    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") find(p, `console error: ${m.text()}`); });
    page.on("pageerror", (e) => find(p, `script error: ${e.message}`));
    page.on("requestfailed", (r) => find(p, `request failed: ${r.url()}`));
    page.on("response", (r) => { if (r.status() >= 400) find(p, `HTTP ${r.status()} for ${r.url()}`); });
    const resp = await page.goto(origin + p, { waitUntil: "load" });
    if (!resp || resp.status() !== 200) { find(p, `HTTP ${resp && resp.status()}`); await page.close(); return; }
    // The form editor (edit/<code>/) draws its form once its WebAssembly engine has
    // started: check the form, not the loading message.
    if (await page.$("#editor").catch(() => null)) {
      await page.waitForSelector("#editor-app:not([hidden]), #editor-fallback:not([hidden])", { timeout: 30000 }).catch(() => find(`${p} (${label})`, "the form editor did not start within 30 s"));
      if (await page.$("#editor-fallback:not([hidden])")) find(`${p} (${label})`, "the form editor shows its fallback: " + (await page.textContent("#editor-fallback-reason")));
    }
    if (label === "phone") {
      // axe runs once per page (desktop); at phone width the page must not scroll sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) find(`${p} (phone)`, `the page is ${overflow}px wider than the 375px screen`);
      await page.close();
      return;
    }
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      return await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] });
    });
    for (const v of result.violations) {
      for (const n of v.nodes) find(`${p} (${label})`, `axe ${v.id} (${v.impact}): ${v.help} at ${n.target.join(" ")}`);
    }
    {
      const info = await page.evaluate(() => ({
        ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
        urls: [...document.querySelectorAll("a[href], link[href], script[src], img[src]")].map((e) => e.href || e.src),
      }));
      ids.set(p, new Set(info.ids));
      for (const url of info.urls) links.push({ from: p, url });
    }
    await page.close();
  };
  let next = 0;
  const worker = async () => {
    while (next < pages.length) await checkPage(pages[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, pages.length) }, worker));
  await context.close();
}
// The offline search finds a page by a word of its title.
if (pages.includes("/search/")) {
  const context = await browser.newContext();
  await offline(context, () => "/search/");
  const page = await context.newPage();
  const first = [...ids.keys()].sort().find((p) => p.split("/").length === 4) || "/";
  await page.goto(origin + first);
  const word = ((await page.title()).split(/[ ·]+/)[0] || "").trim();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(word)}`);
  const hits = await page.waitForSelector("#search-results li a", { timeout: 15000 }).then(() => page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")))).catch(() => []);
  if (!hits.includes(first)) find("/search/", `searching for "${word}" does not find ${first} (found: ${hits.join(", ") || "nothing"})`);
  await context.close();
}
await browser.close();

// Internal links and anchors.
let checked = 0;
for (const { from, url } of links) {
  const u = new URL(url);
  if (u.origin !== origin) continue;
  checked++;
  const file = await resolve(u.pathname);
  if (!file) { find(from, `broken link ${u.pathname}`); continue; }
  if (u.hash.length > 1) {
    const target = u.pathname.endsWith(".html") ? u.pathname.replace(/index\.html$/, "") : u.pathname;
    const set = ids.get(target.endsWith("/") ? target : target + "/") || ids.get(target);
    const id = decodeURIComponent(u.hash.slice(1));
    if (!set) find(from, `anchor ${u.pathname}${u.hash} points into a page that is not HTML`);
    else if (!set.has(id)) find(from, `broken anchor ${u.pathname}${u.hash}`);
  }
}
server.close();

// The Nu HTML Checker.
const vnu = await vnuRun;
if (vnu.error) { console.error(`failed to run the Nu HTML Checker: ${vnu.error.message}`); process.exit(2); }
for (const line of vnu.text.split("\n").filter((l) => l.trim())) find("vnu", line.replace(`file:${root}`, ""));
if (vnu.status !== 0 && !vnu.text.trim()) find("vnu", `exit status ${vnu.status}`);

findings.sort();
for (const f of findings) console.log(f);
console.log(`site-check: ${pages.length} pages (desktop and phone), ${checked} internal links, ${findings.length} findings`);
process.exit(findings.length ? 1 : 0);
