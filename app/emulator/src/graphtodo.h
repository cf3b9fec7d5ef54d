#pragma once

#include "httpresponse.h"

#include <QString>

#include <variant>

namespace MsalQt::Emulator {

class HttpRequest;
struct Services;

// Microsoft To Do's lists under /v1.0/me/todo/lists: create one (POST) and read them back
// (GET). GraphEndpoint authenticates the caller first, so these see only the signed-in user's
// oid. The lists live in Services::todoLists for as long as the server runs.
class GraphTodo
{
public:
    explicit GraphTodo(Services &services) : m_services(services) { }

    HttpResponse createList(const HttpRequest &request, const QString &oid);
    HttpResponse lists(const QString &oid) const;

private:
    // The request body's displayName, or the 400/413 to send.
    std::variant<QString, HttpResponse> displayName(const HttpRequest &request) const;

    Services &m_services;
};

} // namespace MsalQt::Emulator
