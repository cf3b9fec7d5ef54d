// The accounts of a PublicClientApplication to choose from, and "Use another account":
//
//     AccountPicker {
//         model: app.accounts
//         onAccountChosen: account => app.acquireTokenSilent(["User.Read"], account)
//         onAnotherAccountChosen: app.acquireTokenInteractive(["User.Read"], signInView)
//     }
//
// The model's rows carry name, username, tenantId, homeAccountId, environment and account:
// a view of one's own can use the same model with another delegate.
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import MsalQt

ListView {
    id: root

    signal accountChosen(account account)
    signal anotherAccountChosen()

    // The account of the current row (isNull when there is none).
    readonly property account currentAccount: model && currentIndex >= 0 ? model.get(currentIndex) : noAccount.account

    QtObject {
        id: noAccount
        property account account
    }

    clip: true
    focus: true
    keyNavigationEnabled: true
    currentIndex: count > 0 ? 0 : -1
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Accounts")

    delegate: ItemDelegate {
        id: row
        required property int index
        required property string name
        required property string username
        required property account account

        width: ListView.view.width
        highlighted: ListView.isCurrentItem
        Accessible.name: name ? qsTr("%1, %2").arg(name).arg(username) : username
        contentItem: ColumnLayout {
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: row.name ? row.name : row.username
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: row.name !== ""
                text: row.username
                elide: Text.ElideRight
                opacity: 0.75
            }
        }
        onClicked: {
            root.currentIndex = index;
            root.accountChosen(account);
        }
    }

    footer: ItemDelegate {
        objectName: "anotherAccount"
        width: ListView.view.width
        text: qsTr("Use another account")
        icon.name: "list-add-user"
        onClicked: root.anotherAccountChosen()
    }

    Keys.onReturnPressed: {
        if (currentIndex >= 0)
            accountChosen(model.get(currentIndex));
    }
    Keys.onEnterPressed: {
        if (currentIndex >= 0)
            accountChosen(model.get(currentIndex));
    }
}
