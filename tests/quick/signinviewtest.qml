// What tst_signinview loads: the module's SignInView, as an application places it.
import QtQuick
import MsalQt

SignInView {
    width: 520
    height: 680
}
