#pragma once

#include "fault.h"
#include "httpresponse.h"

#include <QList>

#include <optional>

namespace MsalQt::Emulator {

class ErrorResponses;
class HttpRequest;

// Holds the injected faults and decides which one (if any) a request hits.
class FaultInjector
{
public:
    void add(const Fault &fault);
    void clear() { m_faults.clear(); }

    // The first fault matching the request, with its remaining count decremented (and the
    // fault dropped when used up); nullopt when none matches.
    std::optional<Fault> take(const HttpRequest &request);

    // The replacement answer for HttpStatus, Throttle, MalformedJson and ServiceError.
    static HttpResponse response(const Fault &fault, const HttpRequest &request, const ErrorResponses &errors);
    // TruncatedJson: the normal answer with half of its body; Content-Length follows the cut.
    static HttpResponse truncate(HttpResponse response);

private:
    static bool matches(const Fault &fault, const HttpRequest &request);

    QList<Fault> m_faults;
};

} // namespace MsalQt::Emulator
