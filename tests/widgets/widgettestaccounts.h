#pragma once

// Puts real accounts into an application's token cache: a device-code sign-in against the
// in-process emulator, approved on the emulator's side.

#include "emulator.h"

#include <MsalQt/publicclientapplication.h>

#include <QSignalSpy>

#include <memory>

namespace GuiTest {

inline std::unique_ptr<MsalQt::PublicClientApplication> emulatorApp(MsalQt::Emulator::Server &emulator,
                                                                    const QString &tenant = QStringLiteral("common"))
{
    auto app = std::make_unique<MsalQt::PublicClientApplication>(
        emulator.publicClientId(), MsalQt::Authority::microsoft(emulator.authorityUrl(tenant)));
    app->setRetryDelay(std::chrono::milliseconds(10));
    return app;
}

inline bool signInWithDeviceCode(MsalQt::PublicClientApplication *app, MsalQt::Emulator::Server &emulator,
                                 const QString &username)
{
    emulator.setDeviceCodeTiming(1, 60);
    MsalQt::TokenRequest *request = app->acquireTokenWithDeviceCode({QStringLiteral("User.Read")});
    request->setAutoDelete(false);
    std::unique_ptr<MsalQt::TokenRequest> owner(request);
    QSignalSpy received(request, &MsalQt::TokenRequest::deviceCodeReceived);
    QSignalSpy finished(request, &MsalQt::TokenRequest::finished);
    if (!received.wait(10000))
        return false;
    const auto code = received.first().first().value<MsalQt::DeviceCode>();
    if (!emulator.approveDeviceCode(code.userCode(), username))
        return false;
    return (finished.count() || finished.wait(15000)) && request->isSuccess();
}

} // namespace GuiTest
