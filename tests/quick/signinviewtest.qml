// What tst_signinview loads: the module's SignInView, as an application places it.
import QtQuick
import MsalQt

SignInView {
    width: 520
    height: 680
    // The custom scheme tst_signinview's main() registers: its handler is installed with the view.
    redirectUri: "msal00000000-1111-2222-3333-555555555555://auth"
}
