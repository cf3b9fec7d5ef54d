#pragma once

// Keyboard mnemonics (the underlined letter, Alt+letter) of a window, checked for clashes.

#include <QStringList>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace GuiTest {

// Every Alt+letter that two controls of one scope answer to, one line each
// ("Alt+A: "&Account" (QMenuBar), "&Accounts:" (QLabel accountsLabel)"); empty when none.
// Scopes, as Qt resolves mnemonics: the window (its visible buttons, labels with a buddy,
// group boxes, tab titles and menu-bar titles together), then each menu on its own (the
// menu bar's menus, their submenus, and the menus of tool buttons in the window).
QStringList duplicateMnemonics(QWidget *window);

// The mnemonics found, scope by scope ("window: Alt+F "&File" ..."), for a failure message.
QString mnemonicReport(QWidget *window);

} // namespace GuiTest
