// The MsalQt QML demo: sign in with the embedded SignInView or a device code, the accounts of
// the token cache, the token (never in clear) and a Microsoft Graph call with it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MsalQt

ApplicationWindow {
    id: window

    // From main.cpp: the built-in emulator's settings unless --authority/--client-id were given.
    required property string clientId
    required property string authority
    required property string cacheFile
    required property var scopes
    required property string graphUrl
    // "" when a person is at the keyboard; "embedded" or "deviceCode" for an unattended run
    // (MSALQT_QML_DEMO_SCREENSHOT, automation.cpp).
    required property string automation

    // For the unattended run: the code the emulator is to approve, and the end of the script.
    signal automationDeviceCode(string userCode)
    signal automationFinished(bool ok, string summary)

    // The request in flight (null when none): what it is for, and the account it is about.
    property TokenRequest request: null
    property string requestKind: ""
    property account requestAccount
    // The last token the application gave, and its account.
    property authenticationResult result
    readonly property account currentAccount: result.account
    property string errorText: ""

    width: 1100
    height: 720
    visible: true
    title: qsTr("MsalQt QML demo")

    PublicClientApplication {
        id: app
        clientId: window.clientId
        authority: window.authority
        cacheFile: window.cacheFile
    }

    QtObject {
        id: none
        property account account
        property authenticationResult result
    }

    function start(request, kind, account) {
        window.errorText = "";
        window.requestKind = kind;
        window.requestAccount = account;
        window.request = request;
    }

    // Through the SignInView, over the window's content while its pages are shown.
    function signIn(loginHint) {
        const options = loginHint ? {loginHint: loginHint} : {};
        window.start(app.acquireTokenInteractive(window.scopes, signInView, options), "interactive", none.account);
    }

    function signInWithCode() {
        window.start(app.acquireTokenWithDeviceCode(window.scopes), "deviceCode", none.account);
        deviceCodeView.request = window.request;
        deviceCodePopup.open();
    }

    // Silent first: from the cache, or refreshed; a sign-in only when the answer is UiRequired.
    function useAccount(account) {
        window.start(app.acquireTokenSilent(window.scopes, account), "silent", account);
    }

    function signOut() {
        app.removeAccount(window.currentAccount);
        window.result = none.result;
        window.errorText = "";
        graphPanel.clear();
    }

    function requestFinished() {
        const done = window.request;
        const kind = window.requestKind;
        window.request = null;
        deviceCodePopup.close();
        if (done.succeeded) {
            window.result = done.result;
            window.selectCurrentAccount();
            graphPanel.call(done.result.accessToken);
            return;
        }
        if (kind === "silent" && done.error.type === AuthError.UiRequired) {
            window.signIn(window.requestAccount.username);
            return;
        }
        if (done.error.type !== AuthError.Cancelled)
            window.errorText = done.error.errorString;
        if (window.automation !== "")
            window.automationFinished(false, done.error.errorString);
    }

    // The picker's highlight follows the account of the token shown.
    function selectCurrentAccount() {
        accountPicker.currentIndex = app.accounts.indexOf(window.currentAccount);
    }

    // Started by automation.cpp once the window is up.
    function runAutomation() {
        if (window.automation === "deviceCode")
            window.signInWithCode();
        else
            window.signIn("");
    }

    Connections {
        target: window.request
        function onFinished() {
            window.requestFinished();
        }
        function onDeviceCodeReceived() {
            if (window.automation === "deviceCode")
                window.automationDeviceCode(window.request.deviceCode.userCode);
        }
    }

    Connections {
        target: app.accounts
        function onCountChanged() {
            window.selectCurrentAccount();
        }
    }

    Action {
        id: signInAction
        text: qsTr("&Sign in")
        icon.name: "go-next"
        shortcut: "Ctrl+I"
        enabled: window.request === null
        onTriggered: window.signIn("")
    }
    Action {
        id: deviceCodeAction
        text: qsTr("Sign in with a &code")
        icon.name: "phone"
        shortcut: "Ctrl+D"
        enabled: window.request === null
        onTriggered: window.signInWithCode()
    }
    Action {
        id: signOutAction
        text: qsTr("Sign &out")
        icon.name: "system-log-out"
        shortcut: "Ctrl+Shift+O"
        enabled: window.request === null && !window.currentAccount.isNull
        onTriggered: window.signOut()
    }
    Action {
        id: graphAction
        text: qsTr("Call &Graph")
        icon.name: "view-refresh"
        shortcut: "F5"
        enabled: window.request === null && !window.currentAccount.isNull
        // A fresh token first (silent: from the cache while it is valid).
        onTriggered: window.useAccount(window.currentAccount)
    }
    Action {
        id: cancelAction
        text: qsTr("Cancel")
        icon.name: "process-stop"
        enabled: window.request !== null
        onTriggered: window.request.cancel()
    }
    // Esc cancels what runs. The sign-in page and the device-code popup take Esc themselves
    // (two shortcuts on one key would block each other).
    Shortcut {
        sequence: "Esc"
        enabled: window.request !== null && !signInView.active && !deviceCodePopup.visible
        onActivated: window.request.cancel()
    }
    Shortcut {
        sequence: "Ctrl+Q"
        onActivated: Qt.quit()
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            spacing: 4
            ToolButton { objectName: "signIn"; action: signInAction }
            ToolButton { objectName: "signInWithCode"; action: deviceCodeAction }
            ToolButton { objectName: "signOut"; action: signOutAction }
            ToolButton { objectName: "callGraph"; action: graphAction }
            ToolButton { objectName: "cancel"; action: cancelAction; visible: window.request !== null }
            Item { Layout.fillWidth: true }
            BusyIndicator {
                objectName: "busy"
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: app.busy
                visible: running
            }
            Label {
                objectName: "signedInAs"
                Layout.rightMargin: 8
                text: window.currentAccount.isNull ? qsTr("Not signed in")
                                                   : qsTr("Signed in as %1").arg(window.currentAccount.username)
            }
        }
    }

    SplitView {
        anchors.fill: parent

        ColumnLayout {
            SplitView.preferredWidth: 300
            SplitView.minimumWidth: 200
            spacing: 0
            Label {
                Layout.margins: 8
                text: qsTr("Accounts (%1)").arg(app.accounts.count)
                font.bold: true
            }
            AccountPicker {
                id: accountPicker
                objectName: "accounts"
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: app.accounts
                enabled: window.request === null
                onAccountChosen: account => window.useAccount(account)
                onAnotherAccountChosen: window.signIn("")
            }
        }

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: 8

            Label {
                objectName: "error"
                Layout.fillWidth: true
                Layout.margins: 8
                visible: text !== ""
                text: window.errorText !== "" ? window.errorText : app.error.errorString
                color: "firebrick"
                wrapMode: Text.Wrap
            }
            TokenPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.margins: 8
                result: window.result
            }
            GraphPanel {
                id: graphPanel
                Layout.fillWidth: true
                Layout.margins: 8
                graphUrl: window.graphUrl
                onFinished: ok => {
                    if (window.automation !== "")
                        window.automationFinished(ok, window.currentAccount.username + "; " + graphPanel.status
                                                  + "; " + graphPanel.displayName + " <" + graphPanel.mail + ">");
                }
            }
        }
    }

    // The sign-in pages, over the window's content while one is shown (Esc or Cancel ends it).
    SignInView {
        id: signInView
        objectName: "signInView"
        anchors.fill: parent
        visible: signInView.active
        z: 1
    }

    Popup {
        id: deviceCodePopup
        objectName: "deviceCodePopup"
        anchors.centerIn: Overlay.overlay
        width: Math.min(560, window.width - 40)
        height: Math.min(420, window.height - 40)
        modal: true
        focus: true
        closePolicy: Popup.CloseOnEscape
        // Closing it (Esc) ends the sign-in it shows.
        onClosed: {
            if (deviceCodeView.request && deviceCodeView.request.running)
                deviceCodeView.request.cancel();
        }
        DeviceCodeView {
            id: deviceCodeView
            anchors.fill: parent
            focus: true
        }
    }
}
