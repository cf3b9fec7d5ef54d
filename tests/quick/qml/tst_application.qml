// PublicClientApplication from QML: configuration errors, refused options, a sign-in whose
// account appears in the accounts model, a silent hit, sign-out, cancel, and a request that
// lives on while nothing in QML refers to it.
import QtQuick
import QtTest
import MsalQt
import MsalQtTest

TestCase {
    id: testCase
    name: "Application"

    PublicClientApplication {
        id: unconfigured
    }

    PublicClientApplication {
        id: app
        clientId: TestEmulator.clientId
        authority: TestEmulator.organizations
    }

    PublicClientApplication {
        id: badAuthority
        clientId: TestEmulator.clientId
        authority: "ftp://example.com/common"
    }

    Item {
        id: notAnAgent
    }

    function finished(request) {
        tryCompare(request, "running", false, 30000);
        return request;
    }

    function signOutEveryone() {
        for (let i = 0; i < 10 && app.accounts.count > 0; ++i)
            app.removeAccount(app.accounts.get(0));
    }

    function cleanup() {
        signOutEveryone();
    }

    function test_unconfigured() {
        compare(unconfigured.state, PublicClientApplication.Unconfigured);
        compare(unconfigured.error.type, AuthError.InvalidConfiguration);
        verify(unconfigured.error.errorString.indexOf("clientId") >= 0, unconfigured.error.errorString);
        const request = finished(unconfigured.acquireTokenWithDeviceCode(["User.Read"]));
        verify(!request.succeeded);
        compare(request.error.type, AuthError.InvalidConfiguration);
    }

    function test_badAuthority() {
        compare(badAuthority.state, PublicClientApplication.Unconfigured);
        compare(badAuthority.error.type, AuthError.InvalidConfiguration);
        compare(finished(badAuthority.acquireTokenSilent(["User.Read"], app.accounts.get(0))).error.type,
                AuthError.InvalidConfiguration);
    }

    function test_refusedOptions_data() {
        return [
            { tag: "unknown option", options: { logonHint: "alice" } },
            { tag: "unknown prompt", options: { prompt: "always" } },
            { tag: "negative maxAge", options: { maxAge: -1 } },
            { tag: "maxAge not a number", options: { maxAge: "soon" } },
            { tag: "account not an account", options: { account: "alice" } },
        ];
    }

    function test_refusedOptions(data) {
        const before = TestEmulator.tokenRequests();
        const request = finished(app.acquireTokenInteractive(["User.Read"], null, data.options));
        compare(request.error.type, AuthError.InvalidConfiguration);
        compare(TestEmulator.tokenRequests(), before);
    }

    function test_notAnAgent() {
        const request = finished(app.acquireTokenInteractive(["User.Read"], notAnAgent));
        compare(request.error.type, AuthError.InvalidConfiguration);
        verify(request.error.errorString.indexOf("SignInView") >= 0, request.error.errorString);
    }

    function test_signInListSilentSignOut() {
        compare(app.state, PublicClientApplication.Ready);
        compare(app.accounts.count, 0);
        const request = app.acquireTokenByUsernamePassword(["User.Read"], TestEmulator.alice, TestEmulator.password);
        compare(app.busy, true);
        compare(app.state, PublicClientApplication.Busy);
        finished(request);
        verify(request.succeeded, request.error.errorString);
        compare(request.state, TokenRequest.Finished);
        compare(request.error.type, AuthError.NoError);
        compare(request.error.isError, false);
        compare(request.result.account.username, TestEmulator.alice);
        verify(request.result.accessToken.length > 20);
        verify(request.result.expiresOn > new Date());
        verify(request.result.scopes.indexOf("User.Read") >= 0, request.result.scopes);
        compare(request.result.isFromCache, false);
        compare(request.result.idTokenClaims.preferred_username, TestEmulator.alice);
        compare(app.busy, false);

        // The account, in the model.
        compare(app.accounts.count, 1);
        const account = app.accounts.get(0);
        compare(account.username, TestEmulator.alice);
        compare(account.homeAccountId, request.result.account.homeAccountId);
        compare(app.accounts.indexOf(account), 0);
        verify(app.accounts.get(1).isNull);

        // Silent: from the cache, no request to the token endpoint.
        const tokens = TestEmulator.tokenRequests();
        const silent = finished(app.acquireTokenSilent(["User.Read"], account));
        verify(silent.succeeded, silent.error.errorString);
        compare(silent.result.isFromCache, true);
        compare(silent.result.accessToken, request.result.accessToken);
        compare(TestEmulator.tokenRequests(), tokens);

        // Signed out: gone from the model, and the next silent attempt asks for a sign-in.
        app.removeAccount(account);
        compare(app.accounts.count, 0);
        const after = finished(app.acquireTokenSilent(["User.Read"], account));
        compare(after.error.type, AuthError.UiRequired);
        verify(after.error.errorString.length > 0);
    }

    function test_cancel() {
        const request = app.acquireTokenWithDeviceCode(["User.Read"]);
        tryVerify(() => !request.deviceCode.isNull, 30000);
        verify(request.running);
        request.cancel();
        finished(request);
        compare(request.error.type, AuthError.Cancelled);
        compare(app.busy, false);
    }

    // Nothing in QML holds the request, and the garbage collector runs: the sign-in goes on.
    function test_requestOutlivesItsReferences() {
        let code = "";
        app.acquireTokenWithDeviceCode(["User.Read"]).deviceCodeReceived.connect(deviceCode => code = deviceCode.userCode);
        gc();
        tryVerify(() => code !== "", 30000);
        gc();
        verify(TestEmulator.approveDeviceCode(code, TestEmulator.alice));
        tryCompare(app.accounts, "count", 1, 30000);
        tryCompare(app, "busy", false);
    }

    Component {
        id: appComponent
        PublicClientApplication {
            clientId: TestEmulator.clientId
            authority: TestEmulator.organizations
        }
    }

    SignalSpy {
        id: cacheErrors
        signalName: "cacheError"
    }

    // A property that makes the application anew ends the old one's requests, Cancelled.
    function test_reconfiguredWhileRunning() {
        const other = createTemporaryObject(appComponent, testCase);
        const request = other.acquireTokenWithDeviceCode(["User.Read"]);
        tryVerify(() => !request.deviceCode.isNull, 30000);
        other.authority = TestEmulator.baseUrl + "/common";
        finished(request);
        compare(request.error.type, AuthError.Cancelled);
        compare(other.state, PublicClientApplication.Ready);
    }

    // The application goes while its request runs: the request goes with it, nothing is called.
    function test_destroyedWhileRunning() {
        const other = appComponent.createObject(testCase);
        let calls = 0;
        const request = other.acquireTokenWithDeviceCode(["User.Read"]);
        request.finished.connect(() => ++calls);
        tryVerify(() => !request.deviceCode.isNull, 30000);
        other.destroy();
        // Deleted with its application: QML sees no object any more.
        tryVerify(() => request === null || request.running === undefined, 5000);
        wait(50);
        compare(calls, 0);
    }

    // Accounts persist in cacheFile: a new application on the same file lists them.
    function test_cacheFilePersists() {
        const file = TestEmulator.scratchDir + "/persisted.bin";
        const first = createTemporaryObject(appComponent, testCase, { cacheFile: file, allowUnencryptedCache: true });
        tryCompare(first, "state", PublicClientApplication.Ready, 10000);
        const request = finished(first.acquireTokenByUsernamePassword(["User.Read"], TestEmulator.alice, TestEmulator.password));
        verify(request.succeeded, request.error.errorString);
        tryCompare(first.accounts, "count", 1);
        first.destroy();
        wait(0);

        const second = createTemporaryObject(appComponent, testCase, { cacheFile: "file://" + file, allowUnencryptedCache: true });
        tryCompare(second, "state", PublicClientApplication.Ready, 10000);
        compare(second.accounts.count, 1);
        compare(second.accounts.get(0).username, TestEmulator.alice);
        const silent = finished(second.acquireTokenSilent(["User.Read"], second.accounts.get(0)));
        verify(silent.succeeded, silent.error.errorString);
        compare(silent.result.isFromCache, true);
    }

    // No keychain answers in this test (no D-Bus session), and no unencrypted fallback was
    // allowed: a typed error, in `error` and in cacheError().
    function test_cacheFileWithoutKeychain() {
        const other = createTemporaryObject(appComponent, testCase, { cacheFile: TestEmulator.scratchDir + "/locked.bin" });
        cacheErrors.clear();
        cacheErrors.target = other;
        const request = finished(other.acquireTokenByUsernamePassword(["User.Read"], TestEmulator.alice, TestEmulator.password));
        tryVerify(() => other.error.isError, 30000);
        compare(other.error.type, AuthError.KeychainUnavailable);
        verify(cacheErrors.count >= 1);
        verify(other.error.errorString.length > 0);
        verify(!other.busy);
        verify(request !== null);
    }
}
