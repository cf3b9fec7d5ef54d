// The installed QML module, loaded from the install prefix by a QML application
// (tests/install/consumer/qmlapp.cpp): its types, their properties and AuthError's types.
import QtQuick
import MsalQt

Item {
    id: root

    PublicClientApplication {
        id: app
        clientId: "00000000-0000-0000-0000-000000000001"
        authority: "https://login.microsoftonline.com/organizations"
    }

    DeviceCodeView {
        id: view
    }

    AccountPicker {
        id: picker
        model: app.accounts
    }

    SignInView {
        id: signInView
    }

    function check(condition, what) {
        return condition ? "" : what + "; ";
    }

    // Empty when every check passed.
    readonly property string failures: check(app.state === PublicClientApplication.Ready, "application not ready")
        + check(app.accounts.count === 0, "accounts not empty")
        + check(app.error.type === AuthError.NoError, "application error")
        + check(view.deviceCode.isNull, "device code not null")
        + check(picker.count === 0, "picker not empty")
        + check(!signInView.active, "sign-in view active")
}
