// SignInView from QML, on the emulator's real pages: a sign-in whose account the application
// then lists, a declined consent and a forged state, each with its typed error.
import QtQuick
import QtTest
import MsalQt
import MsalQtTest

Item {
    id: root
    width: 800
    height: 760

    PublicClientApplication {
        id: app
        clientId: TestEmulator.clientId
        authority: TestEmulator.organizations
    }

    SignInView {
        id: view
        anchors.fill: parent
        visible: active
    }

    Timer {
        id: player
        property string script
        interval: 200
        repeat: true
        running: script !== "" && view.active
        onTriggered: view.webView.runJavaScript(script)
    }

    TestCase {
        name: "SignInView"
        when: windowShown

        // The person, on the emulator's pages: the login form, the account chooser, the
        // consent page (accept or decline).
        function personScript(username, password, accept) {
            return "(function() {"
                 + "  if (window.msalqtPlayed) return 'played';"
                 + "  window.msalqtPlayed = true;"
                 + "  var u = document.getElementById('username');"
                 + "  if (u && document.getElementById('login')) {"
                 + "    u.value = '" + username + "'; document.getElementById('password').value = '" + password + "';"
                 + "    document.getElementById('sign-in').click(); return 'login'; }"
                 + "  var pick = document.querySelector('#account-chooser button[data-username=\"" + username + "\"]');"
                 + "  if (pick) { pick.click(); return 'chooser'; }"
                 + "  var c = document.getElementById('" + (accept ? "accept" : "decline") + "');"
                 + "  if (c && document.getElementById('consent')) { c.click(); return 'consent'; }"
                 + "  window.msalqtPlayed = false; return 'other'; })()";
        }

        // Starts an interactive sign-in in the view and plays `script` on each page it shows
        // until the request ends. The script runs every 200 ms and acts once per page (it marks
        // the page): the view's loadingChanged is not a clock for this, since on Qt 6.4 a page
        // that follows a stopped one may report no LoadSucceeded.
        function signInPlaying(options, script) {
            player.script = script;
            const request = app.acquireTokenInteractive(["User.Read"], view, options);
            tryCompare(view, "active", true, 15000);
            tryCompare(request, "running", false, 60000);
            player.script = "";
            return request;
        }

        function cleanup() {
            if (view.active)
                view.cancel();
            for (let i = 0; i < 10 && app.accounts.count > 0; ++i)
                app.removeAccount(app.accounts.get(0));
        }

        function test_signIn() {
            compare(view.active, false);
            const request = signInPlaying({}, personScript(TestEmulator.alice, TestEmulator.password, true));
            verify(request.succeeded, request.error.errorString);
            compare(request.result.account.username, TestEmulator.alice);
            compare(view.active, false);
            compare(app.accounts.count, 1);
            compare(app.accounts.get(0).username, TestEmulator.alice);
            // The view is parked on a blank page: nothing of the sign-in stays on screen.
            tryVerify(() => view.webView.url.toString() === "about:blank" || view.webView.url.toString() === "");
        }

        function test_declinedConsent() {
            const request = signInPlaying({ prompt: "consent" }, personScript(TestEmulator.alice, TestEmulator.password, false));
            verify(!request.succeeded);
            compare(request.error.type, AuthError.Declined);
            compare(request.error.protocolError, "access_denied");
            compare(view.active, false);
            compare(app.accounts.count, 0);
        }

        // A page (or an attacker's link) sends the view to the redirect URI with a state the
        // flow never issued: refused, and no code is redeemed.
        function test_forgedState() {
            const request = app.acquireTokenInteractive(["User.Read"], view);
            tryCompare(view, "active", true, 15000);
            // The emulator's page (its login form or its account chooser) is on screen.
            let shown = false;
            tryVerify(() => {
                view.webView.runJavaScript("document.readyState === 'complete' && location.pathname.indexOf('/authorize') >= 0",
                                           found => shown = found === true);
                return shown;
            }, 20000);
            const tokens = TestEmulator.tokenRequests();
            view.webView.runJavaScript("window.location.href = 'http://localhost:4711/?code=forged-code&state=forged';");
            tryCompare(request, "running", false, 20000);
            compare(request.error.type, AuthError.InvalidResponse);
            compare(TestEmulator.tokenRequests(), tokens);
            compare(view.active, false);
        }

        function test_cancel() {
            const request = app.acquireTokenInteractive(["User.Read"], view);
            tryCompare(view, "active", true, 15000);
            view.cancel();
            tryCompare(request, "running", false, 10000);
            compare(request.error.type, AuthError.Cancelled);
            compare(view.active, false);
        }
    }
}
