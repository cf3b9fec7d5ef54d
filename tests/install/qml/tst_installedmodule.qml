// The installed QML module, loaded from the install prefix as an application loads it.
import QtQuick
import QtTest
import MsalQt

TestCase {
    name: "InstalledModule"

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

    function test_types() {
        compare(app.state, PublicClientApplication.Ready);
        compare(app.accounts.count, 0);
        compare(app.error.type, AuthError.NoError);
        verify(view.deviceCode.isNull);
        compare(picker.count, 0);
    }
}
