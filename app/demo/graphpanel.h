#pragma once

#include <MsalQt/autherror.h>

#include <QElapsedTimer>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace MsalQt {
class AuthenticatedNetworkAccess;
class AuthenticatedReply;
} // namespace MsalQt

namespace MsalQtDemo {

// A request bar (method, path under the Graph base, a JSON body for POST and PATCH, Send) and the
// response as a JSON tree and as raw text, with the HTTP status and the time taken. Requests go
// through the library's AuthenticatedNetworkAccess, which the window configures (account, agent):
// it gets the token and answers a claims challenge; this panel only shows what happened.
class GraphPanel : public QWidget
{
    Q_OBJECT
public:
    // The access to send the next request with, set up for the current account.
    using AccessProvider = std::function<MsalQt::AuthenticatedNetworkAccess *()>;

    explicit GraphPanel(const QUrl &graphBase, QWidget *parent = nullptr);

    void setAccessProvider(const AccessProvider &provider) { m_provider = provider; }
    QUrl graphBase() const { return m_base; }
    QUrl requestUrl() const;

    QLabel *statusLabel() const { return m_status; }
    QPlainTextEdit *rawView() const { return m_raw; }
    QTreeWidget *jsonTree() const { return m_tree; }

public Q_SLOTS:
    void send();
    // Forgets the last answer and any request under way (its answer is dropped): after a sign-out
    // nothing of that account's stays on screen.
    void clear();
    // While a sign-in waits for the person, Send waits too: a token request of its own could
    // show a second sign-in page.
    void setSignInBusy(bool busy);

Q_SIGNALS:
    void finished(int httpStatus); // 0: no HTTP answer (network error, no token)
    void tokenFailed(const MsalQt::AuthError &error); // no token for the request: why

private:
    void onReply(MsalQt::AuthenticatedReply *reply);
    void updateBody();
    void fail(const QString &message);
    void setSending(bool sending);
    void updateSend();

    QUrl m_base;
    AccessProvider m_provider;
    QComboBox *m_method = nullptr;
    QLineEdit *m_path = nullptr;
    QLineEdit *m_body = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    bool m_sending = false;
    bool m_signInBusy = false;
    QElapsedTimer m_elapsed;
    quint64 m_generation = 0; // bumped by clear(): answers to older requests are dropped
    QPointer<MsalQt::AuthenticatedReply> m_reply;
};

} // namespace MsalQtDemo
