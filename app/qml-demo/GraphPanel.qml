// GET {graph}/v1.0/me with the access token (Authorization: Bearer), its status and whom it names.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

GroupBox {
    id: root

    // The Graph endpoint: https://graph.microsoft.com, or the built-in emulator's.
    property string graphUrl
    readonly property string requestUrl: root.graphUrl.replace(/\/+$/, "") + "/v1.0/me"
    readonly property bool running: root.pending !== null
    property string status: qsTr("No request sent yet.")
    property string displayName: ""
    property string mail: ""
    property var pending: null

    signal finished(bool ok)

    title: qsTr("Microsoft Graph")

    Component.onDestruction: {
        if (root.pending)
            root.pending.abort();
    }

    function clear() {
        if (root.pending)
            root.pending.abort();
        root.pending = null;
        root.status = qsTr("No request sent yet.");
        root.displayName = "";
        root.mail = "";
    }

    // The token stays in this function: it is sent, never shown or kept.
    function call(accessToken) {
        root.clear();
        root.status = qsTr("Calling %1…").arg(root.requestUrl);
        // qmllint disable unqualified
        const xhr = new XMLHttpRequest(); // a global that qmllint 6.4 does not know
        // qmllint enable unqualified
        root.pending = xhr;
        xhr.onreadystatechange = () => {
            // (root is null once the window is gone)
            if (xhr.readyState !== XMLHttpRequest.DONE || !root || root.pending !== xhr)
                return;
            root.pending = null;
            root.answered(xhr);
        };
        xhr.open("GET", root.requestUrl);
        xhr.setRequestHeader("Authorization", "Bearer " + accessToken);
        xhr.setRequestHeader("Accept", "application/json");
        xhr.send();
    }

    function answered(xhr) {
        if (xhr.status === 0) {
            root.status = qsTr("No answer from %1: check the network connection and try again.").arg(root.requestUrl);
            root.finished(false);
            return;
        }
        let body = {};
        try {
            body = JSON.parse(xhr.responseText);
        } catch (e) {
            body = {};
        }
        if (xhr.status === 200) {
            root.status = qsTr("HTTP %1: Graph answered.").arg(xhr.status);
            root.displayName = body.displayName || "";
            root.mail = body.mail || body.userPrincipalName || "";
            root.finished(true);
            return;
        }
        const message = body.error && body.error.message ? body.error.message : xhr.statusText;
        root.status = xhr.status === 401 ? qsTr("HTTP 401: Graph refused the token (%1). Sign in again.").arg(message)
                                         : qsTr("HTTP %1: %2").arg(xhr.status).arg(message);
        root.finished(false);
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 12

        Label { text: qsTr("Request:") }
        Label {
            objectName: "graphRequest"
            Layout.fillWidth: true
            text: "GET " + root.requestUrl
            elide: Text.ElideMiddle
            font.family: "monospace"
        }
        Label { text: qsTr("Status:") }
        RowLayout {
            BusyIndicator {
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
                running: root.running
                visible: running
            }
            Label {
                objectName: "graphStatus"
                Layout.fillWidth: true
                text: root.status
                wrapMode: Text.Wrap
            }
        }
        Label { text: qsTr("Name:") }
        Label { objectName: "graphDisplayName"; text: root.displayName }
        Label { text: qsTr("Mail:") }
        Label { objectName: "graphMail"; text: root.mail }
    }
}
