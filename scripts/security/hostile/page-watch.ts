import type { BrowserContext, Page } from '@playwright/test';

export type Sighting = { kind: string; where: string; detail: string };

/**
 * Installed before any page script: every way an injected payload could announce itself
 * that is not a dialog. Payloads call alert/prompt/confirm (seen as dialogs), but also
 * print(), open(), document.write() and the like; a CSP violation means something tried to
 * run that the policy stopped, which is an injection even though nothing ran.
 */
const TRAPS = `(() => {
  const fired = (what) => { try { (window.__hostileFired ||= []).push(what + ' @ ' + location.pathname); } catch {} };
  window.__hostileFired = [];
  for (const name of ['print', 'open']) {
    const original = window[name];
    window[name] = function (...args) { fired(name + '(' + String(args[0]).slice(0, 80) + ')'); return name === 'open' ? null : undefined; };
  }
  document.addEventListener('securitypolicyviolation', (e) => fired('CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));
})();`;

/**
 * Markup that no page of ours renders, so finding it means a payload became markup:
 * event-handler attributes, script-like URLs, frames and embeds, base and refresh tags,
 * SVG animation that can set attributes, and any tag name HTML does not define.
 */
export const SCAN = `(() => {
  const found = [];
  const known = new Set('html head body title meta link style script noscript main header footer nav section article aside address h1 h2 h3 h4 h5 h6 p div span a img picture source figure figcaption ul ol li dl dt dd blockquote q cite em strong b i u s small sub sup br hr time mark abbr code pre kbd samp var form label input textarea select option optgroup button fieldset legend output progress meter table thead tbody tfoot tr th td caption colgroup col details summary dialog template svg path g circle rect line polyline polygon ellipse defs use symbol title desc lineargradient radialgradient stop clippath mask text tspan slot wbr del ins data bdi bdo ruby rt rp search hgroup menu'.split(' '));
  const scriptUrl = /^[\\s\\u0000-\\u001f]*(javascript|vbscript|livescript|data\\s*:\\s*text\\/html)/i;
  const nonced = [...document.scripts].some((s) => s.nonce);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.localName;
    if (el.closest('[data-hostile-scan-skip]')) continue;
    if (!known.has(tag) && !tag.includes('-')) found.push('unexpected element <' + tag + '>');
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'animate', 'set', 'animatetransform', 'foreignobject', 'handler', 'listener'].includes(tag)) found.push('dangerous element <' + tag + '>');
    if (tag === 'meta' && el.getAttribute('http-equiv')) found.push('meta http-equiv=' + el.getAttribute('http-equiv'));
    if (tag === 'script' && el.src && new URL(el.src, location.href).origin !== location.origin) found.push('off-site script ' + el.src);
    // Newsroom pages run only scripts carrying the response's nonce; one without it was not ours.
    if (tag === 'script' && !el.src && !el.type.includes('json') && nonced && !el.nonce) found.push('inline script without the nonce: ' + (el.textContent || '').slice(0, 80));
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push('<' + tag + '> has ' + attr.name + '="' + attr.value.slice(0, 60) + '"');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'].includes(attr.name) && scriptUrl.test(attr.value) && !(/^javascript:throw new Error\\('(A )?React form/.test(attr.value) && (tag === 'form' || tag === 'button' || tag === 'input'))) found.push('<' + tag + ' ' + attr.name + '="' + attr.value.slice(0, 60) + '">');
      if (attr.name === 'style' && /expression\\(|url\\(\\s*['"]?\\s*javascript/i.test(attr.value)) found.push('<' + tag + '> style with script');
    }
  }
  for (const json of document.querySelectorAll('script[type="application/ld+json"]')) {
    try { JSON.parse(json.textContent || ''); } catch { found.push('structured data that is not JSON'); }
  }
  return { found, fired: window.__hostileFired || [] };
})()`;

/**
 * Watches every page of a browser context: dialogs, requests that leave the site, server
 * errors. `scan(page)` then inspects the loaded page's DOM for markup a payload made.
 */
export function watchContext(context: BrowserContext, origin: string, sightings: Sighting[]) {
  void context.addInitScript(TRAPS);
  const expectedDialogs: string[] = [];
  const onPage = (page: Page) => {
    page.on('dialog', (dialog) => {
      // The story editor asks before leaving with unsaved changes: ours, and harmless.
      if (dialog.type() === 'beforeunload') return void dialog.accept().catch(() => {});
      const expected = expectedDialogs.findIndex((text) => dialog.message().startsWith(text));
      if (expected >= 0) return; // the newsroom's own prompt, handled by whoever expected it
      sightings.push({ kind: 'dialog', where: page.url(), detail: `${dialog.type()}: ${dialog.message().slice(0, 200)}` });
      void dialog.dismiss().catch(() => {});
    });
    page.on('request', (request) => {
      const url = request.url();
      if (/^(data|blob|about):/i.test(url)) return;
      if (new URL(url).origin !== origin) sightings.push({ kind: 'request off-site', where: page.url(), detail: `${request.method()} ${url.slice(0, 200)}` });
    });
    page.on('response', (response) => {
      if (response.status() >= 500) sightings.push({ kind: `HTTP ${response.status()}`, where: page.url(), detail: `${response.request().method()} ${response.url().slice(0, 200)}` });
    });
    // An uncaught error is either a payload running or a page that broke on what it was given.
    page.on('pageerror', (error) => sightings.push({ kind: 'uncaught script error', where: page.url(), detail: error.message.slice(0, 200) }));
  };
  context.on('page', onPage);
  return {
    /** Lets the newsroom's own `window.prompt`/`alert` through for one step (the link dialog). */
    expectDialog(startsWith: string) {
      expectedDialogs.push(startsWith);
    },
    async scan(page: Page, label: string) {
      const { found, fired } = (await page.evaluate(SCAN)) as { found: string[]; fired: string[] };
      for (const detail of found) sightings.push({ kind: 'injected markup', where: label, detail });
      for (const detail of fired) sightings.push({ kind: 'script ran', where: label, detail });
    },
  };
}

/** Chromium with no way off this machine: every host but the server resolves to nothing. */
export const isolatedChromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost'];
