// DeviceCodeView and AccountPicker as a person uses them: the code and the address on screen,
// Cancel, an approved code whose account the picker then lists and hands back when clicked.
import QtQuick
import QtTest
import MsalQt
import MsalQtTest

Item {
    id: root
    width: 640
    height: 480

    PublicClientApplication {
        id: app
        clientId: TestEmulator.clientId
        authority: TestEmulator.organizations
    }

    DeviceCodeView {
        id: view
        width: 420
        height: 320
    }

    AccountPicker {
        id: picker
        x: 430
        width: 200
        height: 300
        model: app.accounts
    }

    SignalSpy {
        id: chosen
        target: picker
        signalName: "accountChosen"
    }

    SignalSpy {
        id: another
        target: picker
        signalName: "anotherAccountChosen"
    }

    TestCase {
        name: "Views"
        when: windowShown

        function cleanup() {
            view.request = null;
            for (let i = 0; i < 10 && app.accounts.count > 0; ++i)
                app.removeAccount(app.accounts.get(0));
        }

        function test_deviceCodeShownAndCancelled() {
            view.request = app.acquireTokenWithDeviceCode(["User.Read"]);
            tryVerify(() => !view.request.deviceCode.isNull, 30000);
            const code = findChild(view, "userCode");
            compare(code.text, view.request.deviceCode.userCode);
            verify(code.text.length >= 6);
            const instructions = findChild(view, "instructions");
            verify(instructions.visible);
            verify(instructions.text.indexOf(view.request.deviceCode.verificationUri.toString()) >= 0, instructions.text);
            verify(findChild(view, "timeLeft").visible);
            verify(findChild(view, "timeLeftText").text.length > 0);

            const cancel = findChild(view, "cancel");
            verify(cancel.enabled);
            mouseClick(cancel);
            tryCompare(view.request, "running", false);
            compare(view.request.error.type, AuthError.Cancelled);
            verify(!cancel.enabled);
            tryCompare(findChild(view, "outcome"), "visible", true);
        }

        function test_approvedCodeThenPicker() {
            view.request = app.acquireTokenWithDeviceCode(["User.Read"]);
            tryVerify(() => !view.request.deviceCode.isNull, 30000);
            verify(TestEmulator.approveDeviceCode(view.request.deviceCode.userCode, TestEmulator.alice));
            tryCompare(view.request, "running", false, 30000);
            verify(view.request.succeeded, view.request.error.errorString);
            compare(view.request.result.account.username, TestEmulator.alice);
            verify(!findChild(view, "outcome").visible);

            tryCompare(picker, "count", 1);
            // The view lays out its rows on its next polish.
            tryCompare(picker.currentAccount, "username", TestEmulator.alice);
            tryVerify(() => picker.itemAtIndex(0) !== null);
            waitForRendering(picker);
            chosen.clear();
            mouseClick(picker.itemAtIndex(0));
            compare(chosen.count, 1);
            compare(chosen.signalArguments[0][0].username, TestEmulator.alice);

            picker.forceActiveFocus();
            keyClick(Qt.Key_Return);
            compare(chosen.count, 2);

            another.clear();
            mouseClick(findChild(picker, "anotherAccount"));
            compare(another.count, 1);

            app.removeAccount(picker.currentAccount);
            tryCompare(picker, "count", 0);
        }
    }
}
