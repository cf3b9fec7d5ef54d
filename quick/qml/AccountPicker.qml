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

FocusScope {
    id: root

    // The accounts: a PublicClientApplication's accounts model.
    property alias model: list.model
    property alias currentIndex: list.currentIndex
    readonly property alias count: list.count
    // The account of the current row (isNull when there is none).
    readonly property account currentAccount: model && currentIndex >= 0 && currentIndex < count
                                              ? model.get(currentIndex) : noAccount.account

    signal accountChosen(account account)
    signal anotherAccountChosen()

    // The delegate of `row` (null when it is not created), as ListView.itemAtIndex().
    function itemAtIndex(row) {
        return list.itemAtIndex(row);
    }

    implicitWidth: 320
    implicitHeight: 240
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Accounts")

    QtObject {
        id: noAccount
        property account account
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            focus: true
            keyNavigationEnabled: true
            // The first account is current until the person moves, and again after the
            // current one has gone.
            onCountChanged: {
                if (count > 0 && (currentIndex < 0 || currentIndex >= count))
                    currentIndex = 0;
            }

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
                    list.currentIndex = index;
                    root.accountChosen(account);
                }
            }

            Keys.onReturnPressed: root.chooseCurrent()
            Keys.onEnterPressed: root.chooseCurrent()
        }

        ItemDelegate {
            objectName: "anotherAccount"
            Layout.fillWidth: true
            text: qsTr("Use another account")
            icon.name: "list-add-user"
            onClicked: root.anotherAccountChosen()
        }
    }

    function chooseCurrent() {
        if (list.currentIndex >= 0)
            accountChosen(model.get(list.currentIndex));
    }
}
