// The last token: whose it is, until when, for which scopes, from the cache or not, and the ID
// token's claims. Never the token in clear: its first 8 characters at most.
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MsalQt

GroupBox {
    id: root

    property authenticationResult result

    title: qsTr("Token")

    function joined(list) {
        return list.join(" ");
    }

    // The ID token's claims as rows, by name; times (seconds since 1970) also as dates.
    function claimRows(result) {
        const claims = result.idTokenClaims; // a QJsonObject, untyped for qmllint
        const times = ["exp", "iat", "nbf", "auth_time"];
        return Object.keys(claims).sort().map(name => {
            const value = claims[name];
            let text = typeof value === "string" ? value : JSON.stringify(value);
            if (times.includes(name) && typeof value === "number")
                text = qsTr("%1 (%2)").arg(text).arg(new Date(value * 1000).toLocaleString(Qt.locale(), Locale.ShortFormat));
            return {name: name, value: text};
        });
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            Layout.fillWidth: true
            visible: root.result.isNull
            text: qsTr("Not signed in. Sign in, or choose an account on the left.")
            wrapMode: Text.Wrap
        }

        GridLayout {
            Layout.fillWidth: true
            visible: !root.result.isNull
            columns: 2
            columnSpacing: 12

            Label { text: qsTr("Account:") }
            Label {
                objectName: "tokenAccount"
                Layout.fillWidth: true
                text: root.result.account.name ? qsTr("%1 (%2)").arg(root.result.account.name).arg(root.result.account.username)
                                               : root.result.account.username
                elide: Text.ElideRight
            }
            Label { text: qsTr("Expires:") }
            Label {
                objectName: "tokenExpires"
                text: root.result.isNull ? "" : root.result.expiresOn.toLocaleString(Qt.locale(), Locale.ShortFormat)
            }
            Label { text: qsTr("Scopes:") }
            Label {
                objectName: "tokenScopes"
                Layout.fillWidth: true
                text: root.joined(root.result.scopes)
                wrapMode: Text.Wrap
            }
            Label { text: qsTr("From:") }
            Label {
                objectName: "tokenSource"
                text: root.result.isFromCache ? qsTr("the token cache") : qsTr("the identity platform (a new token)")
            }
            Label { text: qsTr("Access token:") }
            Label {
                objectName: "tokenPrefix"
                text: root.result.accessToken.substring(0, 8) + "…"
                font.family: "monospace"
            }
        }

        Label {
            visible: !root.result.isNull
            text: qsTr("ID token claims")
            font.bold: true
        }
        ListView {
            objectName: "claims"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !root.result.isNull
            clip: true
            model: root.result.isNull ? [] : root.claimRows(root.result)
            Accessible.name: qsTr("ID token claims")
            delegate: RowLayout {
                id: claim
                required property var modelData
                width: ListView.view.width
                spacing: 12
                Label {
                    Layout.preferredWidth: 160
                    text: claim.modelData.name
                    font.family: "monospace"
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: claim.modelData.value
                    elide: Text.ElideRight
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
    }
}
