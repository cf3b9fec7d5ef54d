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

// Shows a device-code sign-in (RFC 8628) in progress: the code to type, large and selectable,
// a button that copies it, the page where to type it (opened with QDesktopServices), the
// server's instructions and the time left. Cancel cancels the request.
//
//     auto *request = app->acquireTokenWithDeviceCode(scopes);
//     auto *dialog = new MsalQt::Widgets::DeviceCodeDialog(request, window);
//     dialog->setAttribute(Qt::WA_DeleteOnClose);
//     dialog->open(); // accepted once the person has signed in
//
// Connect to the request as usual for the token; authenticationResult() and error() keep a
// copy, since the request deletes itself after finishing.
class MSALQT_WIDGETS_EXPORT DeviceCodeDialog : public QDialog
{
    Q_OBJECT
public:
    // Call right after starting the request: the dialog catches deviceCodeReceived().
    explicit DeviceCodeDialog(MsalQt::TokenRequest *request, QWidget *parent = nullptr);
    ~DeviceCodeDialog() override;

    MsalQt::TokenRequest *request() const; // null once it has finished and deleted itself
    MsalQt::DeviceCode deviceCode() const;
    // Shows a code received before the dialog existed.
    void setDeviceCode(const MsalQt::DeviceCode &deviceCode);

    // Not result(): QDialog::result() is the dialog code.
    MsalQt::AuthenticationResult authenticationResult() const;
    MsalQt::AuthError error() const;

    // Until the code expires: zero once expired, -1 s before a code arrived.
    std::chrono::seconds remainingTime() const;

public Q_SLOTS:
    // Cancels the request (AuthError::Cancelled) while it runs, then closes.
    void reject() override;

private:
    Q_DECLARE_PRIVATE(DeviceCodeDialog)
    const QScopedPointer<DeviceCodeDialogPrivate> d_ptr;
};

} // namespace MsalQt::Widgets
