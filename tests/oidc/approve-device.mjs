#!/usr/bin/env node
// Plays the person of a device authorization grant (RFC 8628) against the
// loopback provider started by provider.mjs: opens the provider's own
// verification page, enters the user code, confirms it, signs in and consents
// (or denies), over plain HTTP with fetch, keeping cookies itself.
//
//   node approve-device.mjs --issuer URL --user-code CODE --login alice --password 'Passw0rd!'
//                           [--deny | --abort] [--timeout SECONDS]
//
// --deny   signs in, then presses "Deny" on the consent page (the device code then
//          fails with access_denied).
// --abort  presses "Abort" on the provider's device confirmation page instead of
//          signing in (also access_denied).
//
// On success prints one line to stdout and exits 0:
//   {"approved":true}                       (approved)
//   {"approved":false,"denied":true}        (--deny / --abort took effect)
// On failure prints "approve-device: <reason>" to stderr and exits non-zero:
//   1 usage, 2 the provider said no (unknown/expired/used code, wrong password, ...),
//   3 unexpected page or HTTP failure.

import { parseArgs } from 'node:util';

class Failure extends Error {
  constructor(message, exitCode = 3) {
    super(message);
    this.exitCode = exitCode;
  }
}

function usage(message) {
  if (message) console.error(`approve-device: ${message}`);
  console.error("usage: node approve-device.mjs --issuer URL --user-code CODE --login NAME --password PASS [--deny|--abort] [--timeout S]");
  process.exit(1);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      issuer: { type: 'string' },
      'user-code': { type: 'string' },
      login: { type: 'string' },
      password: { type: 'string' },
      deny: { type: 'boolean', default: false },
      abort: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '25' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (err) {
  usage(err.message);
}
for (const required of ['issuer', 'user-code']) {
  if (!args[required]) usage(`--${required} is required`);
}
if (!args.abort && (args.login === undefined || args.password === undefined)) {
  usage('--login and --password are required (unless --abort)');
}
if (args.deny && args.abort) usage('--deny and --abort exclude each other');
const timeoutMs = Number(args.timeout) * 1000;
if (!(timeoutMs > 0)) usage(`invalid --timeout ${args.timeout}`);
const deadline = Date.now() + timeoutMs;

let issuer;
try {
  issuer = new URL(args.issuer);
} catch {
  usage(`invalid --issuer ${args.issuer}`);
}

const log = (...m) => { if (args.verbose) console.error('approve-device:', ...m); };

// ---------------------------------------------------------------------------
// A small cookie jar (RFC 6265 path matching; one host, so no domain logic).

const jar = new Map(); // `${path}\n${name}` -> { name, value, path, expires }

function defaultPath(url) {
  const p = url.pathname;
  if (!p.startsWith('/') || p.lastIndexOf('/') === 0) return '/';
  return p.slice(0, p.lastIndexOf('/'));
}

function storeCookies(response, url) {
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...attrs] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const cookie = {
      name: pair.slice(0, eq).trim(),
      value: pair.slice(eq + 1).trim(),
      path: defaultPath(url),
      expires: Infinity,
    };
    for (const attr of attrs) {
      const [k, ...v] = attr.split('=');
      const key = k.trim().toLowerCase();
      const val = v.join('=').trim();
      if (key === 'path' && val.startsWith('/')) cookie.path = val;
      if (key === 'max-age' && /^-?\d+$/.test(val)) cookie.expires = Date.now() + Number(val) * 1000;
      if (key === 'expires' && cookie.expires === Infinity) {
        const t = Date.parse(val);
        if (!Number.isNaN(t)) cookie.expires = t;
      }
    }
    const key = `${cookie.path}\n${cookie.name}`;
    if (cookie.expires <= Date.now()) {
      jar.delete(key);
    } else {
      jar.set(key, cookie);
    }
  }
}

function pathMatches(requestPath, cookiePath) {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function cookieHeader(url) {
  const now = Date.now();
  const matching = [...jar.values()]
    .filter((c) => c.expires > now && pathMatches(url.pathname, c.path))
    .sort((a, b) => b.path.length - a.path.length);
  return matching.map((c) => `${c.name}=${c.value}`).join('; ');
}

// ---------------------------------------------------------------------------
// HTTP with manual redirects.

async function request(url, { method = 'GET', form } = {}) {
  let current = new URL(url, issuer);
  let body = form ? new URLSearchParams(form).toString() : undefined;
  for (let hop = 0; hop < 15; hop += 1) {
    if (current.origin !== issuer.origin) {
      throw new Failure(`refusing to follow a redirect off the provider: ${current.href}`);
    }
    const headers = { accept: 'text/html' };
    const cookies = cookieHeader(current);
    if (cookies) headers.cookie = cookies;
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Failure(`timed out after ${args.timeout} s`);
    log(method, current.href);
    let response;
    try {
      response = await fetch(current, {
        method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(remaining),
      });
    } catch (err) {
      throw new Failure(`${method} ${current.href} failed: ${err.cause?.message ?? err.message}`);
    }
    storeCookies(response, current);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.arrayBuffer();
      current = new URL(location, current);
      // 303 (and, as browsers do, 301/302 after a POST) continue as GET.
      if (response.status !== 307 && response.status !== 308) {
        method = 'GET';
        body = undefined;
      }
      continue;
    }
    const text = await response.text();
    log(' ->', response.status, titleOf(text));
    return { url: current, status: response.status, text };
  }
  throw new Failure('too many redirects');
}

// ---------------------------------------------------------------------------
// Just enough HTML parsing for the provider's pages.

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower];
  });
}

function attributes(tag) {
  const out = {};
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
  const inner = tag.replace(/^<\s*[a-z]+/i, '').replace(/\/?>$/, '');
  let m;
  while ((m = re.exec(inner)) !== null) {
    out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function titleOf(html) {
  const m = /<title>([\s\S]*?)<\/title>/i.exec(html);
  return m ? decodeEntities(m[1].trim()) : '';
}

function stripTags(html) {
  return decodeEntities(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

// Forms by id (or by index when they have none): { id, action, method, fields }.
function forms(html) {
  const out = [];
  const re = /<form\b[^>]*>([\s\S]*?)<\/form>/gi;
  let m;
  while ((m = re.exec(html)) !== null) {
    const open = /<form\b[^>]*>/i.exec(m[0])[0];
    const attrs = attributes(open);
    const fields = {};
    for (const input of m[1].match(/<input\b[^>]*>/gi) ?? []) {
      const a = attributes(input);
      if (a.name !== undefined && !['submit', 'button', 'image'].includes((a.type ?? '').toLowerCase())) {
        fields[a.name] = a.value ?? '';
      }
    }
    out.push({
      id: attrs.id, action: attrs.action ?? '', method: (attrs.method ?? 'get').toUpperCase(), fields,
    });
  }
  return out;
}

function findForm(page, predicate, what) {
  const form = forms(page.text).find(predicate);
  if (!form) {
    throw new Failure(`expected ${what} at ${page.url.href} (HTTP ${page.status}, "${titleOf(page.text)}"), got: ${describe(page)}`);
  }
  return form;
}

// Error text the provider put on a page, if any.
function pageError(html) {
  const found = [];
  const re = /<p\b[^>]*class="(?:red|error)"[^>]*>([\s\S]*?)<\/p>/gi;
  let m;
  while ((m = re.exec(html)) !== null) found.push(stripTags(m[1]));
  return found.join('; ');
}

function describe(page) {
  const error = pageError(page.text);
  if (error) return error;
  const text = stripTags(page.text.replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, ''));
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

// ---------------------------------------------------------------------------
// The flow.

const isInputForm = (f) => f.id === 'op.deviceInputForm';
const isConfirmForm = (f) => f.id === 'op.deviceConfirmForm';
const isLoginForm = (f) => f.id === 'login-form';
const isConsentForm = (f) => f.id === 'consent-form';

function submit(page, form, extra) {
  const action = new URL(form.action || page.url.href, page.url);
  return request(action, { method: form.method, form: { ...form.fields, ...extra } });
}

function finishedPage(page) {
  const title = titleOf(page.text);
  if (/Sign-in Success/i.test(title)) return { approved: true };
  if (forms(page.text).some(isInputForm) && /interrupted/i.test(pageError(page.text))) {
    return { approved: false, denied: true };
  }
  return undefined;
}

async function run() {
  // 1. The verification URI, without the code (as a person typing it would).
  let page = await request(new URL('device', `${issuer.href.replace(/\/$/, '')}/`));
  const inputForm = findForm(page, isInputForm, 'the device code input form');

  // 2. Enter the user code.
  page = await submit(page, inputForm, { user_code: args['user-code'] });
  if (!forms(page.text).some(isConfirmForm)) {
    const error = pageError(page.text) || describe(page);
    throw new Failure(`user code ${args['user-code']} was not accepted: ${error}`, 2);
  }
  const confirmForm = findForm(page, isConfirmForm, 'the device confirmation form');

  // 3. Confirm (or abort) the device.
  if (args.abort) {
    // The Abort button belongs to the same form: a browser sends its hidden
    // fields (confirm=yes included) plus abort=yes; abort wins.
    page = await submit(page, confirmForm, { abort: 'yes' });
    const done = finishedPage(page);
    if (done?.denied) return done;
    throw new Failure(`abort was not acknowledged: ${describe(page)}`);
  }
  page = await submit(page, confirmForm, { confirm: confirmForm.fields.confirm || 'yes' });

  // 4. Interactions until the provider reports the outcome.
  let loggedIn = false;
  for (let step = 0; step < 6; step += 1) {
    const done = finishedPage(page);
    if (done) {
      if (args.deny && done.approved) throw new Failure('asked to deny, but the provider reported success');
      if (!args.deny && done.denied) throw new Failure(`the provider reported the request as aborted: ${pageError(page.text)}`, 2);
      return done;
    }
    const pageForms = forms(page.text);
    const login = pageForms.find(isLoginForm);
    const consent = pageForms.find(isConsentForm);
    if (login) {
      if (loggedIn) {
        throw new Failure(`login as ${JSON.stringify(args.login)} rejected: ${pageError(page.text) || describe(page)}`, 2);
      }
      loggedIn = true;
      page = await submit(page, login, { login: args.login, password: args.password });
    } else if (consent) {
      page = await submit(page, consent, { decision: args.deny ? 'deny' : 'allow' });
    } else {
      const error = pageError(page.text);
      throw new Failure(`unexpected page at ${page.url.href} (HTTP ${page.status}, "${titleOf(page.text)}"): ${error || describe(page)}`,
        error ? 2 : 3);
    }
  }
  throw new Failure('too many interaction steps');
}

try {
  const result = await run();
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exitCode = 0;
} catch (err) {
  if (err instanceof Failure) {
    console.error(`approve-device: ${err.message}`);
    process.exitCode = err.exitCode;
  } else {
    console.error(`approve-device: unexpected error: ${err.stack || err}`);
    process.exitCode = 3;
  }
}
