#pragma once

#include <MsalQt/authenticationresult.h>
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
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace MsalQtDemo {

// A request bar (method, path under the Graph base, Send) and the response as a JSON tree and as
// raw text, with the HTTP status and the time taken. The token comes from the window (silent
// first); a 401 with a claims challenge asks for a new token with those claims and retries once.
class GraphPanel : public QWidget
{
    Q_OBJECT
public:
    using TokenCallback = std::function<void(const MsalQt::AuthenticationResult &, const MsalQt::AuthError &)>;
    using TokenProvider = std::function<void(const QString &claims, const TokenCallback &done)>;

    explicit GraphPanel(const QUrl &graphBase, QWidget *parent = nullptr);

    void setTokenProvider(const TokenProvider &provider) { m_provider = provider; }
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

private:
    void sendWithToken(const MsalQt::AuthenticationResult &result, bool retried);
    void onReply(QNetworkReply *reply, bool retried);
    void fail(const QString &message);
    void setSending(bool sending);
    void updateSend();

    QUrl m_base;
    TokenProvider m_provider;
    QNetworkAccessManager *m_network = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_status = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    bool m_sending = false;
    bool m_signInBusy = false;
    QElapsedTimer m_elapsed;
    quint64 m_generation = 0; // bumped by clear(): answers to older requests are dropped
    QPointer<QNetworkReply> m_reply;
};

} // namespace MsalQtDemo
