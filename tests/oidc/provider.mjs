#!/usr/bin/env node
// Loopback OpenID provider for MsalQt's conformance tests, built on the
// `oidc-provider` npm package (version pinned in package.json).
//
//   node provider.mjs [--port N] [--exit-with-stdin] [--device-interval S]
//
// Listens on 127.0.0.1:N (default 0 = a free port) and prints exactly one line to
// stdout once it accepts connections:
//   {"issuer":"http://127.0.0.1:PORT"}
// Everything else (the package's notices included) goes to stderr. Runs until
// SIGTERM/SIGINT (or, with --exit-with-stdin, until stdin reaches EOF, so that a
// test process that dies without stopping us does not leave an orphan behind).
//
// See README.md in this folder for the clients, users, scopes and quirks.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { parseArgs } from 'node:util';

// oidc-provider prints its NOTICEs with console.info, i.e. to stdout. stdout is
// reserved for the single JSON line, so send every console stream to stderr
// before the package is loaded (hence the dynamic import below).
for (const name of ['log', 'info', 'debug']) {
  console[name] = (...args) => console.error(...args);
}

if (typeof URL.parse !== 'function' || typeof crypto.hash !== 'function') {
  console.error(`provider.mjs: Node.js ${process.version} is too old; oidc-provider 9 needs >= 20.18 (22 LTS recommended)`);
  process.exit(2);
}

function die(message) {
  console.error(`provider.mjs: ${message}`);
  process.exit(2);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'exit-with-stdin': { type: 'boolean', default: false },
      'device-interval': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (err) {
  die(err.message);
}
if (args.help) {
  console.error('usage: node provider.mjs [--port N] [--exit-with-stdin] [--device-interval SECONDS]');
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) die(`invalid --port ${args.port}`);
const deviceIntervalArg = args['device-interval'] ?? process.env.MSALQT_OIDC_DEVICE_INTERVAL;
let deviceInterval;
if (deviceIntervalArg !== undefined && deviceIntervalArg !== '') {
  deviceInterval = Number(deviceIntervalArg);
  if (!Number.isInteger(deviceInterval) || deviceInterval < 1) die(`invalid device interval ${deviceIntervalArg}`);
}

let oidc;
try {
  oidc = await import('oidc-provider');
} catch (err) {
  die(`cannot load oidc-provider (${err.code || err.message}); run: npm ci --prefix tests/oidc`);
}
const { Provider, errors } = oidc;

// ---------------------------------------------------------------------------
// Fixed test data. Keep in sync with README.md and OidcProviderFixture.

const PUBLIC_CLIENT_ID = 'msalqt-public';
const CONFIDENTIAL_CLIENT_ID = 'msalqt-confidential';
const CONFIDENTIAL_CLIENT_SECRET = 'confidential-secret-0123456789abcdef';
const PKJWT_CLIENT_ID = 'msalqt-pkjwt';
const API_RESOURCE = 'urn:msalqt:api';
const API_SCOPE = 'api:read';

const USERS = new Map([
  ['alice', {
    sub: 'sub-alice', password: 'Passw0rd!', name: 'Alice Example', email: 'alice@example.com',
  }],
  ['bob', {
    sub: 'sub-bob', password: 'Hunter2!bob', name: 'Bob Example', email: 'bob@example.com',
  }],
]);
const USERS_BY_SUB = new Map([...USERS].map(([login, user]) => [user.sub, { login, ...user }]));

// ---------------------------------------------------------------------------
// Keys, generated per run.

function signingJwk(kid, type, options) {
  const { privateKey } = crypto.generateKeyPairSync(type, options);
  return { ...privateKey.export({ format: 'jwk' }), kid, use: 'sig' };
}

const runId = crypto.randomBytes(4).toString('hex');
// The first key of a type is the one used for that family of algorithms: RS256
// (the ID token default) and PS256 use the RSA key, ES256 uses the P-256 key.
const providerJwks = {
  keys: [
    signingJwk(`rsa-${runId}`, 'rsa', { modulusLength: 2048 }),
    signingJwk(`ec-${runId}`, 'ec', { namedCurve: 'P-256' }),
  ],
};

function loadClientJwks() {
  const file = process.env.MSALQT_OIDC_CLIENT_JWKS;
  if (file) {
    let jwks;
    try {
      jwks = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      die(`cannot read MSALQT_OIDC_CLIENT_JWKS=${file}: ${err.message}`);
    }
    if (!jwks || !Array.isArray(jwks.keys) || jwks.keys.length === 0) {
      die(`MSALQT_OIDC_CLIENT_JWKS=${file} is not a JWKS with at least one key`);
    }
    // Only public parameters may be registered for a client.
    const privateParams = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
    return {
      keys: jwks.keys.map((jwk) => Object.fromEntries(
        Object.entries(jwk).filter(([k]) => !privateParams.includes(k)),
      )),
    };
  }
  // Nobody holds the private half: the client exists, but cannot authenticate.
  const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  console.error('provider.mjs: MSALQT_OIDC_CLIENT_JWKS not set; msalqt-pkjwt is registered with a throwaway key');
  return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: `unused-${runId}` }] };
}

// ---------------------------------------------------------------------------
// Accounts.

async function findAccount(_ctx, sub) {
  const user = USERS_BY_SUB.get(sub);
  if (!user) return undefined;
  return {
    accountId: sub,
    async claims() {
      // The provider filters these by the granted scopes / the `claims` config.
      return {
        sub,
        name: user.name,
        preferred_username: user.login,
        email: user.email,
        email_verified: true,
      };
    },
  };
}

// ---------------------------------------------------------------------------
// Resource indicators: one API, urn:msalqt:api, with the scope api:read.

function requestedScopes(ctx) {
  return new Set(String(ctx.oidc.params?.scope ?? '').split(' ').filter(Boolean));
}

async function defaultResource(ctx, _client, oneOf) {
  if (oneOf) return oneOf;
  // Asking for api:read without a resource parameter means our API, so that
  // `grant_type=client_credentials&scope=api:read` works on its own.
  if (requestedScopes(ctx).has(API_SCOPE)) return API_RESOURCE;
  if (ctx.oidc.route === 'token' && ctx.oidc.params?.grant_type === 'client_credentials') {
    return API_RESOURCE;
  }
  return undefined;
}

async function getResourceServerInfo(_ctx, resourceIndicator) {
  if (resourceIndicator === API_RESOURCE) {
    return {
      scope: API_SCOPE,
      audience: API_RESOURCE,
      accessTokenFormat: 'opaque',
      accessTokenTTL: 60 * 60,
    };
  }
  throw new errors.InvalidTarget();
}

// ---------------------------------------------------------------------------
// Minimal login / consent interaction (devInteractions accept any login and
// ignore the password, so they are disabled).

const htmlEscape = (s) => String(s).replace(/[&<>"']/g, (c) => ({
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
}[c]));

// uid -> xsrf token of the interaction's forms.
const interactionXsrf = new Map();
function xsrfFor(uid) {
  let token = interactionXsrf.get(uid);
  if (!token) {
    token = crypto.randomBytes(16).toString('base64url');
    interactionXsrf.set(uid, token);
    // Interactions live an hour at most (ttl.Interaction below).
    setTimeout(() => interactionXsrf.delete(uid), 60 * 60 * 1000).unref();
  }
  return token;
}

function page(title, body) {
  return `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>${htmlEscape(title)}</title></head>
<body>
<h1>${htmlEscape(title)}</h1>
${body}
</body>
</html>
`;
}

function loginPage(uid, details, errorMessage) {
  const hint = details.params.login_hint ? ` value="${htmlEscape(details.params.login_hint)}"` : '';
  const error = errorMessage ? `<p class="error" id="error">${htmlEscape(errorMessage)}</p>\n` : '';
  return page('Sign-in', `${error}<form id="login-form" method="post" action="/interaction/${htmlEscape(uid)}/login" autocomplete="off">
<input type="hidden" name="xsrf" value="${htmlEscape(xsrfFor(uid))}"/>
<input type="text" name="login" placeholder="login"${hint} required/>
<input type="password" name="password" placeholder="password" required/>
<button type="submit">Sign-in</button>
</form>
<p><a href="/interaction/${htmlEscape(uid)}/abort">Cancel</a></p>`);
}

function consentPage(uid, details, client) {
  const { missingOIDCScope = [], missingOIDCClaims = [], missingResourceScopes = {} } = details.prompt.details;
  const items = [
    ...missingOIDCScope.map((s) => `<li class="scope">${htmlEscape(s)}</li>`),
    ...missingOIDCClaims.map((c) => `<li class="claim">${htmlEscape(c)}</li>`),
    ...Object.entries(missingResourceScopes).flatMap(([indicator, scopes]) => scopes.map(
      (s) => `<li class="resource-scope">${htmlEscape(indicator)}: ${htmlEscape(s)}</li>`,
    )),
  ];
  const name = client?.clientName || details.params.client_id;
  return page('Authorize', `<p>${htmlEscape(name)} asks for:</p>
<ul>
${items.join('\n') || '<li>confirmation of a previous authorization</li>'}
</ul>
<form id="consent-form" method="post" action="/interaction/${htmlEscape(uid)}/confirm">
<input type="hidden" name="xsrf" value="${htmlEscape(xsrfFor(uid))}"/>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 64 * 1024) throw Object.assign(new Error('request body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(ctx, status, html) {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = html;
}

function makeInteractions(provider) {
  const route = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|confirm|abort))?$/;

  return async function interactions(ctx, next) {
    const match = route.exec(ctx.path);
    if (!match) return next();
    const [, uid, action] = match;
    try {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== uid) {
        sendHtml(ctx, 400, page('Error', '<p class="error" id="error">interaction mismatch</p>'));
        return undefined;
      }
      const finish = async (result, mergeWithLastSubmission) => {
        const returnTo = await provider.interactionResult(
          ctx.req, ctx.res, result, { mergeWithLastSubmission },
        );
        interactionXsrf.delete(uid);
        ctx.status = 303;
        ctx.redirect(returnTo);
      };

      if (ctx.method === 'GET' && action === undefined) {
        const { prompt } = details;
        if (prompt.name === 'login') {
          sendHtml(ctx, 200, loginPage(uid, details));
        } else if (prompt.name === 'consent') {
          const client = await provider.Client.find(details.params.client_id);
          sendHtml(ctx, 200, consentPage(uid, details, client));
        } else {
          sendHtml(ctx, 501, page('Error', `<p class="error" id="error">prompt ${htmlEscape(prompt.name)} not implemented</p>`));
        }
        return undefined;
      }

      if (ctx.method === 'GET' && action === 'abort') {
        await finish({ error: 'access_denied', error_description: 'End-User aborted interaction' }, false);
        return undefined;
      }

      if (ctx.method !== 'POST' || action === undefined) {
        sendHtml(ctx, 405, page('Error', '<p class="error" id="error">method not allowed</p>'));
        return undefined;
      }

      const form = await readForm(ctx.req);
      const expectedXsrf = interactionXsrf.get(uid);
      const givenXsrf = form.get('xsrf') ?? '';
      if (!expectedXsrf || givenXsrf.length !== expectedXsrf.length
          || !crypto.timingSafeEqual(Buffer.from(givenXsrf), Buffer.from(expectedXsrf))) {
        sendHtml(ctx, 403, page('Error', '<p class="error" id="error">xsrf token missing or invalid</p>'));
        return undefined;
      }

      if (action === 'login') {
        if (details.prompt.name !== 'login') {
          sendHtml(ctx, 400, page('Error', '<p class="error" id="error">not expecting a login</p>'));
          return undefined;
        }
        const login = (form.get('login') ?? '').trim();
        const user = USERS.get(login);
        const password = Buffer.from(form.get('password') ?? '');
        const expected = Buffer.from(user?.password ?? '');
        if (!user || password.length !== expected.length || !crypto.timingSafeEqual(password, expected)) {
          console.error(`provider.mjs: login rejected for ${JSON.stringify(login)}`);
          sendHtml(ctx, 401, loginPage(uid, details, 'Invalid login or password.'));
          return undefined;
        }
        await finish({ login: { accountId: user.sub, amr: ['pwd'] } }, false);
        return undefined;
      }

      if (action === 'confirm') {
        if (details.prompt.name !== 'consent') {
          sendHtml(ctx, 400, page('Error', '<p class="error" id="error">not expecting a consent</p>'));
          return undefined;
        }
        if (form.get('decision') !== 'allow') {
          await finish({ error: 'access_denied', error_description: 'End-User denied the authorization request' }, false);
          return undefined;
        }
        const { prompt: { details: missing }, params, session, grantId } = details;
        const grant = grantId
          ? await provider.Grant.find(grantId)
          : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        if (missing.missingResourceScopes) {
          for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
            grant.addResourceScope(indicator, scopes.join(' '));
          }
        }
        await finish({ consent: { grantId: await grant.save() } }, true);
        return undefined;
      }

      sendHtml(ctx, 404, page('Error', '<p class="error" id="error">not found</p>'));
      return undefined;
    } catch (err) {
      console.error(`provider.mjs: interaction ${ctx.method} ${ctx.path} failed: ${err.name}: ${err.message}`);
      const status = err.status || err.statusCode || 400;
      sendHtml(ctx, status, page('Error', `<p class="error" id="error">${htmlEscape(err.error_description || err.message)}</p>`));
      return undefined;
    }
  };
}

// ---------------------------------------------------------------------------
// Server.

const server = http.createServer();
server.keepAliveTimeout = 5000;

await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', () => {
    server.off('error', reject);
    resolve();
  });
});

const issuer = `http://127.0.0.1:${server.address().port}`;

const configuration = {
  jwks: providerJwks,
  findAccount,
  clients: [
    {
      client_id: PUBLIC_CLIENT_ID,
      client_name: 'MsalQt public test client',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: [
        'urn:ietf:params:oauth:grant-type:device_code',
        'refresh_token',
        'authorization_code',
      ],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback', 'http://localhost/callback'],
    },
    {
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_name: 'MsalQt confidential test client',
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
      // client_secret_basic is accepted as well: oidc-provider treats the two
      // secret methods as interchangeable.
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
    {
      client_id: PKJWT_CLIENT_ID,
      client_name: 'MsalQt private_key_jwt test client',
      token_endpoint_auth_method: 'private_key_jwt',
      // token_endpoint_auth_signing_alg unset: any of RS256, PS256, ES256, EdDSA.
      jwks: loadClientJwks(),
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  claims: {
    acr: null,
    sid: null,
    auth_time: null,
    iss: null,
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
  },
  // Put the scope-granted claims (name, email, ...) into ID tokens issued
  // from the token endpoint too, as Microsoft's platform does; the default
  // (true) keeps them for the userinfo endpoint only.
  conformIdTokenClaims: false,
  cookies: {
    keys: [crypto.randomBytes(32).toString('base64url')],
  },
  features: {
    devInteractions: { enabled: false },
    deviceFlow: { enabled: true },
    clientCredentials: { enabled: true },
    revocation: { enabled: true },
    introspection: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource,
      getResourceServerInfo,
      // A device code / refresh token granted for our API yields an access token
      // for it without repeating `resource` at the token endpoint (the package's
      // default would issue a userinfo token whenever openid was granted too).
      useGrantedResource: async () => true,
    },
  },
  // The package's default, spelled out: a refresh token is issued when the
  // client may use the refresh_token grant and offline_access was granted.
  issueRefreshToken: async (_ctx, client, source) => client.grantTypeAllowed('refresh_token')
    && source.scopes.has('offline_access'),
  interactions: {
    url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  ttl: {
    AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL || 60 * 60,
    AuthorizationCode: 60,
    ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL || 10 * 60,
    DeviceCode: 10 * 60,
    Grant: 14 * 24 * 60 * 60,
    IdToken: 60 * 60,
    Interaction: 60 * 60,
    RefreshToken: 14 * 24 * 60 * 60,
    Session: 14 * 24 * 60 * 60,
  },
  clientBasedCORS: () => false,
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Error', Object.entries(out).map(
      ([key, value]) => `<p class="error" id="${htmlEscape(key)}">${htmlEscape(value)}</p>`,
    ).join('\n'));
  },
};

let provider;
try {
  provider = new Provider(issuer, configuration);
} catch (err) {
  server.close();
  die(`invalid provider configuration: ${err.stack || err}`);
}

provider.use(makeInteractions(provider));

if (deviceInterval !== undefined) {
  // oidc-provider omits `interval` (clients then use RFC 8628's 5 s) and never
  // answers slow_down; this only advertises a shorter interval.
  provider.on('device_authorization.success', (_ctx, body) => { body.interval = deviceInterval; });
}

for (const event of ['server_error', 'grant.error', 'authorization.error', 'device_authorization.error',
  'code_verification.error', 'device_resume.error', 'revocation.error', 'introspection.error',
  'userinfo.error', 'jwks.error', 'discovery.error', 'end_session.error', 'interaction.error']) {
  provider.on(event, (ctx, err) => {
    const e = err ?? ctx;
    const detail = [e?.error_description, e?.error_detail].filter(Boolean).map((d) => ` (${d})`).join('');
    console.error(`provider.mjs: ${event}: ${e?.message ?? e}${detail}`);
  });
}
provider.on('grant.success', (ctx) => {
  console.error(`provider.mjs: grant.success ${ctx.oidc.params.grant_type} client=${ctx.oidc.client?.clientId}`);
});

server.on('request', provider.callback());

let stopping = false;
function shutdown(reason) {
  if (stopping) return;
  stopping = true;
  console.error(`provider.mjs: ${reason}, shutting down`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
if (args['exit-with-stdin']) {
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
}

console.error(`provider.mjs: oidc-provider listening, issuer ${issuer}`);
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
