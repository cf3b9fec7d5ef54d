#include "signinbuttonplugin.h"

#include <MsalQt/Widgets/signinbutton.h>

#include <QIcon>

namespace MsalQt::Widgets {

SignInButtonPlugin::SignInButtonPlugin(QObject *parent) : QObject(parent) {}

QString SignInButtonPlugin::name() const
{
    return QStringLiteral("MsalQt::Widgets::SignInButton");
}

QString SignInButtonPlugin::group() const
{
    return QStringLiteral("MsalQt");
}

QString SignInButtonPlugin::toolTip() const
{
    return QStringLiteral("Sign-in button (Microsoft identity platform)");
}

QString SignInButtonPlugin::whatsThis() const
{
    return QStringLiteral("Shows who is signed in and offers Sign in, Switch account and Sign out. "
                          "Set its scopes here and call setApplication() in code.");
}

// Angle brackets: uic writes #include <MsalQt/Widgets/signinbutton.h>, as for Qt's own headers.
QString SignInButtonPlugin::includeFile() const
{
    return QStringLiteral("<MsalQt/Widgets/signinbutton.h>");
}

QIcon SignInButtonPlugin::icon() const
{
    return QIcon(QStringLiteral(":/msalqt/widgets/icons/account.svg"));
}

bool SignInButtonPlugin::isContainer() const
{
    return false;
}

// Without an application the button is disabled and says "Sign in": what the form shows.
QWidget *SignInButtonPlugin::createWidget(QWidget *parent)
{
    return new SignInButton(parent);
}

QString SignInButtonPlugin::domXml() const
{
    return QStringLiteral("<ui language=\"c++\">\n"
                          " <widget class=\"MsalQt::Widgets::SignInButton\" name=\"signInButton\"/>\n"
                          "</ui>\n");
}

} // namespace MsalQt::Widgets
