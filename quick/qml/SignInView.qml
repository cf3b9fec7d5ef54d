// The sign-in page in the application's window: a WebEngineView that is the flow's
// authorization agent. Pass the view (or its agent) to PublicClientApplication:
//
//     SignInView { id: signInView; anchors.fill: parent; visible: active }
//     app.acquireTokenInteractive(["User.Read"], signInView)
//
// Every decision (what may load, when the redirect is caught, what ends the sign-in) is the
// agent's, shared with the widgets' SignInDialog; this file only lays the page out.
import QtQuick
import QtWebEngine
import MsalQt

Item {
    id: root

    // What acquireTokenInteractive() takes; the view passes itself, too.
    property alias agent: signInAgent
    // True while a sign-in page is shown: the redirect, a failure or cancel() ends it.
    readonly property bool active: signInAgent.active
    // For tests and automation: the WebEngineView.
    readonly property alias webView: web

    // Ends the sign-in with AuthError.Cancelled, as the Esc key does.
    function cancel() {
        signInAgent.cancel();
    }

    implicitWidth: 520
    implicitHeight: 680

    SignInAgent {
        id: signInAgent
        view: web
    }

    WebEngineView {
        id: web
        anchors.fill: parent
        focus: true
        // Each view browses in its own profile, explicitly off the record: no cookie, cache or
        // session of a sign-in outlives the view.
        profile: WebEngineProfile {
            offTheRecord: true
        }
        Accessible.name: qsTr("Sign-in page")
    }

    SystemPalette {
        id: systemPalette
    }

    // A thin bar while a page loads.
    Rectangle {
        anchors.top: parent.top
        anchors.left: parent.left
        height: 3
        width: parent.width * web.loadProgress / 100
        visible: web.loading
        color: systemPalette.highlight
        Accessible.role: Accessible.ProgressBar
        Accessible.name: qsTr("Page loading progress")
    }

    // The web view takes the keys it is given, so Esc is a window shortcut.
    Shortcut {
        sequence: "Esc"
        enabled: root.active
        context: Qt.WindowShortcut
        onActivated: root.cancel()
    }
}
