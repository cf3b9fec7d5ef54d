#pragma once

#include <MsalQt/Widgets/msalqtwidgets_global.h>
#include <MsalQt/authenticationresult.h>
#include <MsalQt/autherror.h>
#include <MsalQt/devicecode.h>

#include <QDialog>
#include <QScopedPointer>

#include <chrono>

namespace MsalQt {
class TokenRequest;
}

namespace MsalQt::Widgets {

class DeviceCodeDialogPrivate;

/// Shows a device-code sign-in (RFC 8628) in progress: the code to type, large and selectable,
/// a button that copies it, the page where to type it (opened with QDesktopServices), the
/// server's instructions and the time left. Cancel cancels the request.
///
///     auto *request = app->acquireTokenWithDeviceCode(scopes);
///     auto *dialog = new MsalQt::Widgets::DeviceCodeDialog(request, window);
///     dialog->setAttribute(Qt::WA_DeleteOnClose);
///     dialog->open(); // accepted once the person has signed in
///
/// Connect to the request as usual for the token; authenticationResult() and error() keep a
/// copy, since the request deletes itself after finishing.
///
/// Usable from Qt Designer by promotion (header MsalQt/Widgets/devicecodedialog.h): the form
/// creates it with its parent only, and the code behind the form calls setRequest().
class MSALQT_WIDGETS_EXPORT DeviceCodeDialog : public QDialog
{
    Q_OBJECT
public:
    /// A dialog without a request: call setRequest() (or setDeviceCode()).
    explicit DeviceCodeDialog(QWidget *parent = nullptr);
    /// Call right after starting the request: the dialog catches deviceCodeReceived().
    explicit DeviceCodeDialog(MsalQt::TokenRequest *request, QWidget *parent = nullptr);
    /// Destroys the dialog; the request goes on.
    ~DeviceCodeDialog() override;

    /// Shows `request` from its next deviceCodeReceived() on, right after starting it (not owned).
    /// The dialog stops following the previous request (without cancelling it) and starts over:
    /// no code, no result, no error. A request deleted before it finished (with its application,
    /// for instance) ends as AuthError::Cancelled, and the dialog closes as rejected with that
    /// error. nullptr is allowed.
    void setRequest(MsalQt::TokenRequest *request);
    MsalQt::TokenRequest *request() const; ///< null once it has finished and deleted itself
    /// The code shown; null before one arrived.
    MsalQt::DeviceCode deviceCode() const;
    /// Shows a code received before the dialog existed.
    void setDeviceCode(const MsalQt::DeviceCode &deviceCode);

    /// Not result(): QDialog::result() is the dialog code.
    MsalQt::AuthenticationResult authenticationResult() const;
    /// A copy of the request's error once it has failed; no error otherwise. The dialog stays
    /// open showing it, except for AuthError::Cancelled, which rejects the dialog.
    MsalQt::AuthError error() const;

    /// Until the code expires: zero once expired, -1 s before a code arrived.
    std::chrono::seconds remainingTime() const;

public Q_SLOTS:
    /// Cancels the request (AuthError::Cancelled) while it runs, then closes.
    void reject() override;

protected:
    /// Retranslates the texts on QEvent::LanguageChange (see installTranslations()).
    void changeEvent(QEvent *event) override;

private:
    Q_DECLARE_PRIVATE(DeviceCodeDialog)
    const QScopedPointer<DeviceCodeDialogPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
