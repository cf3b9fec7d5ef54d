#pragma once

#include <QFrame>

namespace MsalQt {
class AuthError;
}

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QToolButton;
QT_END_NAMESPACE

namespace MsalQtDemo {

// The last failure, whole, above the panels: every word of the library's errorString()
// (the correlation id included) and the server's codes, wrapped rather than cut off,
// selectable with mouse and keyboard, a button to copy it all, and one to dismiss it.
// The status bar is too narrow for that: its message shares a line with the permanent labels.
class ErrorPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    // `what` says which step failed ("Sign-in failed"); the error follows it.
    void showError(const QString &what, const MsalQt::AuthError &error);
    void showText(const QString &text);
    QString text() const;
    QLabel *textLabel() const { return m_text; }
    QPushButton *copyButton() const { return m_copy; }

private:
    QLabel *m_text = nullptr;
    QPushButton *m_copy = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace MsalQtDemo
