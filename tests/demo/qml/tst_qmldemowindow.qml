// The QML demo's window (app/qml-demo/Main.qml) driven as a person drives it, on the test
// emulator (tst_quick's TestEmulator): Esc ends the sign-in page and the device-code popup, a
// device-code sign-in lists the account and calls Graph, choosing the account gets its token
// from the cache, and Sign out (Ctrl+Shift+O) empties the list.
import QtQuick
import QtTest
import MsalQt
import MsalQtTest

TestCase {
    id: testCase
    name: "QmlDemoWindow"
    when: windowShown

    property var win: null

    function init() {
        TestEmulator.setAutoSignIn("");
        const component = Qt.createComponent(Qt.resolvedUrl("../../../app/qml-demo/Main.qml"));
        compare(component.status, Component.Ready, component.errorString());
        testCase.win = createTemporaryObject(component, testCase, {
            clientId: TestEmulator.clientId,
            authority: TestEmulator.organizations,
            cacheFile: "",
            scopes: ["User.Read"],
            graphUrl: TestEmulator.baseUrl.toString(),
            automation: ""
        });
        verify(testCase.win);
        testCase.win.requestActivate();
        tryCompare(testCase.win, "active", true);
    }

    function cleanup() {
        TestEmulator.setAutoSignIn("");
    }

    function part(name) {
        const found = findChild(testCase.win, name);
        verify(found, name);
        return found;
    }

    function test_escCancelsTheSignInPage() {
        const view = part("signInView");
        testCase.win.signIn("");
        const request = testCase.win.request;
        tryCompare(view, "active", true, 30000);
        verify(view.visible);
        keyClick(Qt.Key_Escape);
        tryCompare(request, "running", false, 10000);
        compare(request.error.type, AuthError.Cancelled);
        compare(view.visible, false);
        compare(testCase.win.request, null);
        compare(testCase.win.errorText, ""); // cancelling is no error to show
        verify(testCase.win.currentAccount.isNull);
    }

    function test_escClosesTheDeviceCodePopup() {
        const popup = part("deviceCodePopup");
        testCase.win.signInWithCode();
        const request = testCase.win.request;
        tryCompare(popup, "opened", true);
        tryVerify(() => !request.deviceCode.isNull, 30000);
        keyClick(Qt.Key_Escape);
        tryCompare(request, "running", false, 10000);
        compare(request.error.type, AuthError.Cancelled);
        tryCompare(popup, "visible", false);
        compare(testCase.win.request, null);
    }

    function test_deviceCodeSignInGraphAndSignOut() {
        const popup = part("deviceCodePopup");
        const accounts = part("accounts");
        testCase.win.signInWithCode();
        const request = testCase.win.request;
        tryCompare(popup, "opened", true);
        tryVerify(() => !request.deviceCode.isNull, 30000);
        compare(part("userCode").text, request.deviceCode.userCode);
        verify(TestEmulator.approveDeviceCode(request.deviceCode.userCode, TestEmulator.alice));
        tryCompare(request, "running", false, 30000);
        verify(request.succeeded, request.error.errorString);
        tryCompare(popup, "visible", false);
        compare(testCase.win.currentAccount.username, TestEmulator.alice);
        compare(accounts.count, 1);
        compare(part("signedInAs").text, "Signed in as " + TestEmulator.alice);

        // Graph, with the token; the token itself is never shown, only its first 8 characters.
        tryVerify(() => part("graphStatus").text.startsWith("HTTP 200"), 30000);
        compare(part("graphDisplayName").text, "Alice Example");
        compare(part("tokenPrefix").text, testCase.win.result.accessToken.substring(0, 8) + "…");

        // Sign out from the keyboard.
        keyClick(Qt.Key_O, Qt.ControlModifier | Qt.ShiftModifier);
        tryCompare(accounts, "count", 0);
        verify(testCase.win.currentAccount.isNull);
        compare(part("signedInAs").text, "Not signed in");
    }

    function test_choosingTheAccountGetsItsTokenFromTheCache() {
        const accounts = part("accounts");
        TestEmulator.setAutoSignIn(TestEmulator.alice);
        testCase.win.signIn("");
        tryVerify(() => !testCase.win.currentAccount.isNull && testCase.win.request === null, 60000);
        verify(!testCase.win.result.isFromCache);
        compare(accounts.count, 1);
        const tokenRequests = TestEmulator.tokenRequests();
        accounts.accountChosen(accounts.model.get(0));
        tryVerify(() => testCase.win.request === null && testCase.win.result.isFromCache, 10000);
        compare(TestEmulator.tokenRequests(), tokenRequests);
        compare(part("tokenSource").text, "the token cache");
    }
}
