#include "mnemonics.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QToolButton>
#include <QWidget>

namespace GuiTest {

namespace {

struct Mnemonic {
    QString key; // "Alt+A"
    QString who; // "\"&Accounts:\" (QLabel accountsLabel)"
};

struct Scope {
    QString name;
    QList<Mnemonic> mnemonics;
};

void add(Scope &scope, const QString &text, const QObject *owner)
{
    const QKeySequence key = QKeySequence::mnemonic(text);
    if (key.isEmpty())
        return;
    QString who = QStringLiteral("\"%1\" (%2").arg(text, QString::fromLatin1(owner->metaObject()->className()));
    if (!owner->objectName().isEmpty())
        who += QLatin1Char(' ') + owner->objectName();
    who += QLatin1Char(')');
    scope.mnemonics.append({key.toString(QKeySequence::PortableText), who});
}

void addMenu(QList<Scope> &scopes, QMenu *menu, const QString &path)
{
    Scope scope{path, {}};
    const auto actions = menu->actions();
    for (QAction *action : actions) {
        if (!action->isVisible() || action->isSeparator())
            continue;
        add(scope, action->text(), action);
        if (action->menu())
            addMenu(scopes, action->menu(), path + QStringLiteral(" > ") + action->text());
    }
    scopes.append(scope);
}

QList<Scope> scopesOf(QWidget *window)
{
    QList<Scope> scopes;
    Scope top{QStringLiteral("window \"%1\"").arg(window->windowTitle()), {}};
    const auto widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        // Dialogs and menus the window owns are windows of their own: their own scope.
        if (widget->window() != window || !widget->isVisibleTo(window))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            add(top, button->text(), button);
            auto *tool = qobject_cast<QToolButton *>(button);
            if (tool && tool->menu())
                addMenu(scopes, tool->menu(), QStringLiteral("menu of %1").arg(tool->text()));
        } else if (auto *label = qobject_cast<QLabel *>(widget)) {
            if (label->buddy()) // only a label with a buddy has a shortcut
                add(top, label->text(), label);
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            add(top, group->title(), group);
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->isTabVisible(i))
                    add(top, tabs->tabText(i), tabs);
            }
        } else if (auto *bar = qobject_cast<QMenuBar *>(widget)) {
            const auto actions = bar->actions();
            for (QAction *action : actions) {
                if (!action->isVisible())
                    continue;
                add(top, action->text(), bar);
                if (action->menu())
                    addMenu(scopes, action->menu(), QStringLiteral("menu %1").arg(action->text()));
            }
        }
    }
    scopes.prepend(top);
    return scopes;
}

} // namespace

QStringList duplicateMnemonics(QWidget *window)
{
    QStringList clashes;
    const QList<Scope> scopes = scopesOf(window);
    for (const Scope &scope : scopes) {
        QMap<QString, QStringList> byKey;
        for (const Mnemonic &mnemonic : scope.mnemonics)
            byKey[mnemonic.key].append(mnemonic.who);
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            if (it.value().size() > 1)
                clashes << QStringLiteral("%1: %2: %3").arg(scope.name, it.key(), it.value().join(QStringLiteral(", ")));
        }
    }
    return clashes;
}

QString mnemonicReport(QWidget *window)
{
    QStringList lines;
    const QList<Scope> scopes = scopesOf(window);
    for (const Scope &scope : scopes) {
        QStringList keys;
        for (const Mnemonic &mnemonic : scope.mnemonics)
            keys << mnemonic.key + QLatin1Char(' ') + mnemonic.who;
        lines << scope.name + QStringLiteral(": ") + keys.join(QStringLiteral("; "));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace GuiTest
