// msal-node as a peer of MsalQt's token cache: signs in to the emulator and reads silently,
// with a plain MSAL JSON cache file. Used by tst_cacheinterop; see README.md beside this file.
//
//   node msal-node-peer.mjs COMMAND --emulator http://127.0.0.1:PORT --tenant GUID
//        --client-id ID --cache FILE [--environment ENV] [--offline] [--scope S]... [--username U]
//
// COMMAND: acquire (username/password: password in MSALQT_PEER_PASSWORD), silent (the account
// --username from the cache; always offline), accounts, client-credentials (secret in
// MSALQT_PEER_CLIENT_SECRET), on-behalf-of (the user's token in MSALQT_PEER_ASSERTION, the
// secret as for client-credentials). --offline: any HTTP request fails the command (exit 3).
//
// Prints one JSON object on stdout. Tokens are never printed, only their SHA-256 (hex), so
// that a failing test's output holds no secret. Errors: JSON on stderr, exit 1 (the library
// refused or missed), 2 (usage), 3 (a request was attempted while offline).

import { ConfidentialClientApplication, PublicClientApplication } from "@azure/msal-node";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, existsSync, renameSync } from "node:fs";

function usage(message) {
    process.stderr.write(JSON.stringify({ error: "usage", message }) + "\n");
    process.exit(2);
}

function parseArguments(argv) {
    const args = { command: argv[0], scopes: [], offline: false };
    for (let i = 1; i < argv.length; ++i) {
        const name = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) usage(`${name} needs a value`);
            return argv[++i];
        };
        switch (name) {
        case "--emulator": args.emulator = value(); break;
        case "--tenant": args.tenant = value(); break;
        case "--client-id": args.clientId = value(); break;
        case "--cache": args.cache = value(); break;
        case "--environment": args.environment = value(); break;
        case "--scope": args.scopes.push(value()); break;
        case "--username": args.username = value(); break;
        case "--offline": args.offline = true; break;
        default: usage(`unknown argument ${name}`);
        }
    }
    for (const required of ["emulator", "tenant", "clientId", "cache"]) {
        if (!args[required]) usage(`--${required.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase())} is required`);
    }
    if (args.command === "silent") args.offline = true;
    return args;
}

const sha256 = (text) => (text ? createHash("sha256").update(text).digest("hex") : null);

// msal-node accepts only https authorities. This client is its INetworkModule: every request
// goes to the emulator on loopback over plain http (path and query kept, whatever the host),
// and none at all when offline.
class EmulatorNetwork {
    constructor(emulator, offline) {
        this.emulator = new URL(emulator);
        this.offline = offline;
        this.attempted = [];
    }

    async send(method, url, options) {
        const target = new URL(url);
        if (this.offline) {
            // No query: it may carry a secret.
            this.attempted.push(`${method} ${target.origin}${target.pathname}`);
            throw new Error("offline: no request may be sent");
        }
        const routed = new URL(target.pathname + target.search, this.emulator);
        const response = await fetch(routed, {
            method,
            headers: options?.headers ?? {},
            body: method === "POST" ? (options?.body ?? "") : undefined,
            signal: AbortSignal.timeout(20000),
        });
        const headers = {};
        response.headers.forEach((value, key) => { headers[key] = value; });
        const text = await response.text();
        let body = {};
        try { body = text ? JSON.parse(text) : {}; } catch { body = {}; }
        return { headers, body, status: response.status };
    }

    sendGetRequestAsync(url, options) { return this.send("GET", url, options); }
    sendPostRequestAsync(url, options) { return this.send("POST", url, options); }
}

// The plain cache file: read before each access, written (atomically) after a change.
function filePlugin(file) {
    return {
        async beforeCacheAccess(context) {
            if (existsSync(file)) context.tokenCache.deserialize(readFileSync(file, "utf8"));
        },
        async afterCacheAccess(context) {
            if (!context.cacheHasChanged) return;
            writeFileSync(file + ".peer-tmp", context.tokenCache.serialize(), { mode: 0o600 });
            renameSync(file + ".peer-tmp", file);
        },
    };
}

function configuration(args, network) {
    const emulator = new URL(args.emulator);
    const hostPort = `${emulator.hostname}:${emulator.port}`;
    const authority = `https://${hostPort}/${args.tenant}`;
    const environment = args.environment ?? hostPort;
    const aliases = [...new Set([hostPort, `localhost:${emulator.port}`, environment])];
    return {
        auth: {
            clientId: args.clientId,
            authority,
            // What the emulator's instance discovery answers, and its tenant's OpenID
            // configuration with https endpoints: msal-node's documented way to start without
            // discovery requests, which a silent read must not make.
            cloudDiscoveryMetadata: JSON.stringify({
                tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
                "api-version": "1.1",
                metadata: [{ preferred_network: hostPort, preferred_cache: environment, aliases }],
            }),
            authorityMetadata: JSON.stringify({
                token_endpoint: `${authority}/oauth2/v2.0/token`,
                authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
                device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
                end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
                jwks_uri: `${authority}/discovery/v2.0/keys`,
                issuer: `${args.emulator.replace(/\/$/, "")}/${args.tenant}/v2.0`,
            }),
            clientSecret: process.env.MSALQT_PEER_CLIENT_SECRET || undefined,
        },
        cache: { cachePlugin: filePlugin(args.cache) },
        system: { networkClient: network, loggerOptions: { piiLoggingEnabled: false, logLevel: 0, loggerCallback() {} } },
    };
}

function describeAccount(account) {
    return account && {
        username: account.username,
        home_account_id: account.homeAccountId,
        environment: account.environment,
        tenant_id: account.tenantId,
        name: account.name ?? null,
    };
}

function describeResult(result) {
    return {
        access_token_sha256: sha256(result.accessToken),
        from_cache: result.fromCache,
        scopes: result.scopes,
        token_type: result.tokenType,
        account: describeAccount(result.account),
        id_token_username: result.idTokenClaims?.preferred_username ?? null,
    };
}

async function run(args, network) {
    const secret = process.env.MSALQT_PEER_CLIENT_SECRET;
    const app = secret ? new ConfidentialClientApplication(configuration(args, network))
                       : new PublicClientApplication(configuration(args, network));
    const cache = app.getTokenCache();
    // msal-node's on-behalf-of client reads the in-memory cache without calling the plugin's
    // beforeCacheAccess (it only writes through it): a new process loads the file first.
    if (existsSync(args.cache)) cache.deserialize(readFileSync(args.cache, "utf8"));
    switch (args.command) {
    case "acquire": {
        const password = process.env.MSALQT_PEER_PASSWORD;
        if (!args.username || !password) usage("acquire needs --username and MSALQT_PEER_PASSWORD");
        return describeResult(await app.acquireTokenByUsernamePassword({ scopes: args.scopes, username: args.username, password }));
    }
    case "silent": {
        if (!args.username) usage("silent needs --username");
        const account = (await cache.getAllAccounts())
            .find((a) => a.username.toLowerCase() === args.username.toLowerCase());
        if (!account) throw Object.assign(new Error(`no account ${args.username} in the cache`), { errorCode: "no_account" });
        return describeResult(await app.acquireTokenSilent({ account, scopes: args.scopes }));
    }
    case "accounts":
        return { accounts: (await cache.getAllAccounts()).map(describeAccount) };
    case "client-credentials":
        if (!secret) usage("client-credentials needs MSALQT_PEER_CLIENT_SECRET");
        return describeResult(await app.acquireTokenByClientCredential({ scopes: args.scopes }));
    case "on-behalf-of": {
        const oboAssertion = process.env.MSALQT_PEER_ASSERTION;
        if (!secret || !oboAssertion) usage("on-behalf-of needs MSALQT_PEER_CLIENT_SECRET and MSALQT_PEER_ASSERTION");
        return describeResult(await app.acquireTokenOnBehalfOf({ oboAssertion, scopes: args.scopes }));
    }
    default:
        usage(`unknown command ${args.command}`);
    }
}

const args = parseArguments(process.argv.slice(2));
const network = new EmulatorNetwork(args.emulator, args.offline);
let output;
let failure;
try {
    output = await run(args, network);
} catch (error) {
    failure = { error: error.errorCode ?? error.name ?? "error", message: String(error.errorMessage ?? error.message ?? error) };
}
// A request while offline fails the command even where the library swallowed its error.
if (network.attempted.length) {
    process.stderr.write(JSON.stringify({ error: "network_attempted", requests: network.attempted, library: failure ?? null }) + "\n");
    process.exit(3);
}
if (failure) {
    process.stderr.write(JSON.stringify(failure) + "\n");
    process.exit(1);
}
process.stdout.write(JSON.stringify(output) + "\n");
