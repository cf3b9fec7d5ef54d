"""MSAL Python as a peer of MsalQt's token cache: signs in to the emulator and reads silently,
with a plain MSAL JSON cache file. Used by tst_cacheinterop; see README.md beside this file.

  /usr/bin/python3 msal-python-peer.py COMMAND --emulator http://127.0.0.1:PORT --tenant GUID
      --client-id ID --cache FILE [--offline] [--scope S]... [--username U]

COMMAND: acquire (username/password: password in MSALQT_PEER_PASSWORD), silent (the account
--username from the cache; always offline), accounts, client-credentials (secret in
MSALQT_PEER_CLIENT_SECRET: the cache first, as MSAL Python 1.21's samples do with
acquire_token_silent(account=None), then acquire_token_for_client), environment (the
`environment` this MSAL Python files entries under).
--offline: any HTTP request fails the command (exit 3).

Prints one JSON object on stdout. Tokens are never printed, only their SHA-256 (hex), so that a
failing test's output holds no secret. Errors: JSON on stderr, exit 1 (the library refused or
missed), 2 (usage), 3 (a request was attempted while offline).
"""

import argparse
import hashlib
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

import msal


class Response:
    """The response shape MSAL Python's http_client contract asks for (oauth2cli/http.py)."""

    def __init__(self, status_code, text, headers):
        self.status_code = status_code
        self.text = text
        self.headers = headers

    def raise_for_status(self):
        if self.status_code >= 400:
            raise RuntimeError("HTTP %d" % self.status_code)


class OfflineRequest(Exception):
    pass


class EmulatorHttpClient:
    """MSAL Python accepts only https authorities. Every request goes to the emulator on loopback
    over plain http (path and query kept, whatever the host: 1.21 drops the port when it builds
    some URLs, such as user realm discovery's), and none at all when offline.

    The tenant's OpenID configuration is the exception: it is answered here, with https
    endpoints on the authority's host and no request, because MSAL Python 1.21 fetches it in
    every application's constructor and has no option to configure it (msal-node's
    authorityMetadata), so a silent read could not start without a request otherwise."""

    def __init__(self, emulator, tenant, offline):
        self.emulator = emulator.rstrip("/")
        self.tenant = tenant
        self.offline = offline
        self.attempted = []

    def _openid_configuration(self, url):
        parts = urllib.parse.urlsplit(url)
        if not parts.path.endswith("/v2.0/.well-known/openid-configuration"):
            return None
        root = "https://%s/%s" % (parts.netloc, self.tenant)
        return Response(200, json.dumps({
            "authorization_endpoint": root + "/oauth2/v2.0/authorize",
            "token_endpoint": root + "/oauth2/v2.0/token",
            "device_authorization_endpoint": root + "/oauth2/v2.0/devicecode",
            "issuer": "%s/%s/v2.0" % (self.emulator, self.tenant),
        }), {})

    def _send(self, method, url, params=None, data=None, headers=None):
        configuration = self._openid_configuration(url) if method == "GET" else None
        if configuration:
            return configuration
        parts = urllib.parse.urlsplit(url)
        if self.offline:
            # No query: it may carry a secret.
            self.attempted.append("%s %s://%s%s" % (method, parts.scheme, parts.netloc, parts.path))
            raise OfflineRequest("offline: no request may be sent")
        query = parts.query
        if params:
            query = "&".join(q for q in (query, urllib.parse.urlencode(params)) if q)
        target = self.emulator + parts.path + ("?" + query if query else "")
        body = None
        if data is not None:
            body = (urllib.parse.urlencode(data) if isinstance(data, dict) else data).encode("utf-8")
        request = urllib.request.Request(target, data=body, method=method, headers={
            k: v for k, v in (headers or {}).items() if v is not None})
        if body is not None and not request.has_header("Content-type"):
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urllib.request.urlopen(request, timeout=20) as answer:
                return Response(answer.status, answer.read().decode("utf-8"), dict(answer.headers))
        except urllib.error.HTTPError as answer:
            return Response(answer.code, answer.read().decode("utf-8"), dict(answer.headers))

    def get(self, url, params=None, headers=None, **kwargs):
        return self._send("GET", url, params=params, headers=headers)

    def post(self, url, params=None, data=None, headers=None, **kwargs):
        return self._send("POST", url, params=params, data=data, headers=headers)

    def close(self):
        pass


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else None


def describe_account(account):
    return {key: account.get(key) for key in ("username", "home_account_id", "environment", "realm")}


def describe_result(result, from_cache):
    claims = result.get("id_token_claims") or {}
    return {
        "access_token_sha256": sha256(result.get("access_token")),
        "from_cache": from_cache,
        "token_type": result.get("token_type"),
        "id_token_username": claims.get("preferred_username"),
    }


class Failure(Exception):
    def __init__(self, error, message):
        super().__init__(message)
        self.error = error


def checked(result, what):
    if not result:
        raise Failure("cache_miss", "%s: nothing usable in the cache" % what)
    if "error" in result:
        raise Failure(result["error"], result.get("error_description", ""))
    return result


def run(args, http, cache):
    secret = os.environ.get("MSALQT_PEER_CLIENT_SECRET")
    common = dict(authority="https://%s/%s" % (urllib.parse.urlsplit(args.emulator).netloc, args.tenant),
                  http_client=http, token_cache=cache, instance_discovery=False)
    if args.command == "client-credentials":
        if not secret:
            raise Failure("usage", "client-credentials needs MSALQT_PEER_CLIENT_SECRET")
        app = msal.ConfidentialClientApplication(args.client_id, client_credential=secret, **common)
        # MSAL Python 1.21's acquire_token_for_client never reads the cache: its samples ask
        # acquire_token_silent(account=None) first, which matches home_account_id null exactly.
        # Later versions read it in acquire_token_for_client and say so in token_source.
        cached = app.acquire_token_silent(args.scope, account=None)
        if cached and "error" not in cached:
            return describe_result(cached, True)
        result = checked(app.acquire_token_for_client(args.scope), "client credentials")
        return describe_result(result, result.get("token_source") == "cache")

    app = msal.PublicClientApplication(args.client_id, **common)
    if args.command == "environment":
        # Where this version files its entries: application.py passes authority.instance.
        return {"environment": app.authority.instance, "msal_version": msal.__version__}
    if args.command == "acquire":
        password = os.environ.get("MSALQT_PEER_PASSWORD")
        if not args.username or not password:
            raise Failure("usage", "acquire needs --username and MSALQT_PEER_PASSWORD")
        result = app.acquire_token_by_username_password(args.username, password, scopes=args.scope)
        return describe_result(checked(result, "username/password"), False)
    if args.command == "silent":
        accounts = app.get_accounts(username=args.username)
        if not accounts:
            raise Failure("no_account", "no account %s in the cache" % args.username)
        result = app.acquire_token_silent(args.scope, account=accounts[0])
        described = describe_result(checked(result, "silent"), True)
        described["account"] = describe_account(accounts[0])
        return described
    if args.command == "accounts":
        return {"accounts": [describe_account(a) for a in app.get_accounts()]}
    raise Failure("usage", "unknown command %s" % args.command)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["acquire", "silent", "accounts", "client-credentials", "environment"])
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--tenant", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--cache", required=True)
    parser.add_argument("--scope", action="append", default=[])
    parser.add_argument("--username")
    parser.add_argument("--offline", action="store_true")
    args = parser.parse_args()
    if args.command == "silent":
        args.offline = True

    http = EmulatorHttpClient(args.emulator, args.tenant, args.offline)
    cache = msal.SerializableTokenCache()
    if os.path.exists(args.cache):
        with open(args.cache, encoding="utf-8") as f:
            cache.deserialize(f.read())
    output = failure = None
    try:
        output = run(args, http, cache)
    except Failure as e:
        failure = {"error": e.error, "message": str(e)}
    except Exception as e:  # the library's own, or OfflineRequest through it
        failure = {"error": type(e).__name__, "message": str(e)}
    if http.attempted:
        json.dump({"error": "network_attempted", "requests": http.attempted, "library": failure}, sys.stderr)
        sys.stderr.write("\n")
        return 3
    if failure:
        json.dump(failure, sys.stderr)
        sys.stderr.write("\n")
        return 1
    if cache.has_state_changed:
        temporary = args.cache + ".peer-tmp"
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
            f.write(cache.serialize())
        os.replace(temporary, args.cache)
    json.dump(output, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
