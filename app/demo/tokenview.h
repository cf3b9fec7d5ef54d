#pragma once

#include <MsalQt/authenticationresult.h>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;
QT_END_NAMESPACE

namespace MsalQtDemo {

// The current access token or ID token decoded into a claims tree (display only), with issued,
// expires (a live countdown), scopes, audience and tenant. The raw token stays hidden until the
// person toggles "Show raw token"; Copy puts it on the clipboard.
class TokenView : public QWidget
{
    Q_OBJECT
public:
    explicit TokenView(QWidget *parent = nullptr);

    void setResult(const MsalQt::AuthenticationResult &result);
    void clear();

    QTreeWidget *claimsTree() const { return m_claims; }

private:
    QString currentToken() const;
    void showCurrent();
    void updateCountdown();

    MsalQt::AuthenticationResult m_result;
    QComboBox *m_which = nullptr;
    QTreeWidget *m_claims = nullptr;
    QLabel *m_issued = nullptr;
    QLabel *m_expires = nullptr;
    QLabel *m_scopes = nullptr;
    QLabel *m_audience = nullptr;
    QLabel *m_tenant = nullptr;
    QPushButton *m_showRaw = nullptr;
    QPushButton *m_copy = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTimer *m_timer = nullptr;
    QDateTime m_expiresAt;
};

} // namespace MsalQtDemo
