#!/usr/bin/env python3
# A browser for tst_systembrowserlaunch, installed as "xdg-open" at the front of PATH, or started
# by portal_standin: usage `xdg-open PAGE` (or an address). It opens the page the way a browser does
# (meta refresh, then redirects), and on the way plays a hostile local user: once it knows the
# authorization URL, it reads every process's command line in /proc looking for that URL's state,
# nonce and code_challenge. It writes what it saw, one JSON object per line, to the file named by
# MSALQT_TEST_BROWSER_LOG, and never writes a secret there (only counts and process names).
# Loopback only; every step is one request (no loops over the network).

import html
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

log = open(os.environ["MSALQT_TEST_BROWSER_LOG"], "a", encoding="utf-8")


def record(**entry):
    log.write(json.dumps(entry) + "\n")
    log.flush()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# No proxy from the environment: the addresses here are all on loopback.
direct = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)
browser = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(opener, url):
    try:
        with opener.open(url, timeout=20) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def main():
    record(argv=sys.argv)
    if len(sys.argv) != 2:
        record(error="expected exactly one argument")
        return 2
    page = ""
    if re.match(r"https?://", sys.argv[1]):
        # Given the address itself (what the agent did before): a browser just goes there.
        record(opened="address")
        location = sys.argv[1]
    else:
        page_path = sys.argv[1]
        page_stat = os.lstat(page_path)
        dir_stat = os.lstat(os.path.dirname(page_path))
        record(page_mode=oct(page_stat.st_mode & 0o7777), dir_mode=oct(dir_stat.st_mode & 0o7777),
               page_is_mine=page_stat.st_uid == os.getuid())
        with open(page_path, encoding="utf-8") as f:
            page = f.read()
        match = re.search(r'http-equiv="refresh" content="0;url=([^"]+)"', page)
        if not match:
            record(error="no meta refresh in the page")
            return 1
        launch = html.unescape(match.group(1))
        record(launch_host=urllib.parse.urlsplit(launch).hostname)
        status, headers, _ = fetch(direct, launch)
        record(launch_status=status, page_left_after_launch=os.path.exists(page_path))
        if os.environ.get("MSALQT_TEST_BROWSER_MODE") == "close":
            # The person looks at the sign-in page for a while, then closes the browser.
            time.sleep(float(os.environ.get("MSALQT_TEST_BROWSER_OPEN_SECONDS", "6")))
            record(closed=True)
            record(done=True)
            return 0
        location = headers.get("Location", "") if headers else ""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)
    secrets = [query[name][0] for name in ("state", "nonce", "code_challenge") if name in query]
    record(secrets_found=len(secrets), page_has_secret=any(s in page for s in secrets))

    # The attack of issue 12 item 6: the URL's secrets on anyone's command line.
    hits = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmdline = f.read()
        except OSError:
            continue
        if any(s.encode() in cmdline for s in secrets):
            hits.append("%s %s" % (pid, os.path.basename(cmdline.split(b"\0")[0].decode(errors="replace"))))
    record(cmdline_hits=hits)

    if page:
        # The page's address works once.
        again, _, _ = fetch(direct, launch)
        record(launch_again_status=again)

    # On to the authorization server, and back to the application's loopback listener.
    status, _, _ = fetch(browser, location)
    record(final_status=status)
    record(done=True)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # a broken test browser must show in the log, not hang the test
        record(error=repr(error))
        record(done=True)
        sys.exit(1)
