// A device-code sign-in as the person sees it: where to go, the code to type there, the time
// left, and Cancel. Give it the request of PublicClientApplication.acquireTokenWithDeviceCode():
//
//     DeviceCodeView { request: app.acquireTokenWithDeviceCode(["User.Read"]) }
//
// It shows nothing it decides: the code, the address and the expiry are the server's.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MsalQt

Pane {
    id: root

    // The device-code request; its deviceCode fills the view when the server has answered.
    property TokenRequest request: null
    // The code the server gave (isNull until it has answered).
    readonly property deviceCode deviceCode: request ? request.deviceCode : emptyCode.deviceCode
    readonly property bool waitingForCode: request !== null && request.running && deviceCode.isNull
    readonly property bool waitingForPerson: request !== null && request.running && !deviceCode.isNull
    // Milliseconds until the code expires (0 once it has).
    readonly property real remaining: Math.max(0, deviceCode.isNull ? 0 : deviceCode.expiresOn.getTime() - clock.now)

    QtObject {
        id: emptyCode
        property deviceCode deviceCode
    }

    QtObject {
        id: clock
        property real now: Date.now()
        property real receivedAt: Date.now()
    }

    Connections {
        target: root.request
        function onDeviceCodeReceived() {
            clock.now = Date.now();
            clock.receivedAt = clock.now;
        }
    }

    Timer {
        interval: 1000
        repeat: true
        running: root.waitingForPerson
        onTriggered: clock.now = Date.now()
    }

    // The address as a link the person can open on this device, too.
    function linkText(url) {
        const text = url.toString();
        return "<a href=\"" + text.replace(/"/g, "&quot;") + "\">" + text.replace(/&/g, "&amp;").replace(/</g, "&lt;") + "</a>";
    }

    function timeLeftText(milliseconds) {
        const seconds = Math.ceil(milliseconds / 1000);
        const minutes = Math.floor(seconds / 60);
        return qsTr("The code expires in %1:%2.").arg(minutes).arg(String(seconds % 60).padStart(2, "0"));
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            Layout.fillWidth: true
            text: qsTr("Sign in on another device")
            font.bold: true
            font.pixelSize: root.font.pixelSize * 1.3
            wrapMode: Text.Wrap
        }

        BusyIndicator {
            objectName: "waitingForCode"
            Layout.alignment: Qt.AlignHCenter
            visible: root.waitingForCode
            running: visible
        }

        Label {
            objectName: "instructions"
            Layout.fillWidth: true
            visible: !root.deviceCode.isNull
            wrapMode: Text.Wrap
            textFormat: Text.StyledText
            text: root.deviceCode.isNull ? ""
                  : qsTr("On a phone or computer, open %1 and enter this code:").arg(root.linkText(root.deviceCode.verificationUri))
            onLinkActivated: link => Qt.openUrlExternally(link)
        }

        RowLayout {
            Layout.fillWidth: true
            visible: !root.deviceCode.isNull
            spacing: 8

            TextEdit {
                id: code
                objectName: "userCode"
                Layout.fillWidth: true
                text: root.deviceCode.userCode
                readOnly: true
                selectByMouse: true
                font.family: "monospace"
                font.pixelSize: root.font.pixelSize * 2
                font.letterSpacing: 2
                color: root.palette.text
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Code to enter: %1").arg(text.split("").join(" "))
            }

            Button {
                objectName: "copyCode"
                text: qsTr("&Copy code")
                onClicked: {
                    code.selectAll();
                    code.copy();
                    code.deselect();
                }
            }
        }

        ProgressBar {
            objectName: "timeLeft"
            Layout.fillWidth: true
            visible: root.waitingForPerson
            from: 0
            to: Math.max(1, root.deviceCode.isNull ? 1 : root.deviceCode.expiresOn.getTime() - clock.receivedAt)
            value: root.remaining
            Accessible.name: root.timeLeftText(root.remaining)
        }

        Label {
            objectName: "timeLeftText"
            Layout.fillWidth: true
            visible: root.waitingForPerson
            text: root.timeLeftText(root.remaining)
            wrapMode: Text.Wrap
        }

        Label {
            objectName: "outcome"
            Layout.fillWidth: true
            visible: root.request !== null && !root.request.running && !root.request.succeeded
            text: root.request && !root.request.running ? root.request.error.errorString : ""
            wrapMode: Text.Wrap
            color: "firebrick"
        }

        Item {
            Layout.fillHeight: true
        }

        Button {
            objectName: "cancel"
            Layout.alignment: Qt.AlignRight
            text: qsTr("Cancel")
            enabled: root.request !== null && root.request.running
            onClicked: root.request.cancel()
        }
    }

    Keys.onEscapePressed: {
        if (request && request.running)
            request.cancel();
    }
}
