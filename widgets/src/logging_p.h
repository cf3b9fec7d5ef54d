#pragma once

#include <QLoggingCategory>

namespace MsalQt::Widgets {
Q_DECLARE_LOGGING_CATEGORY(lcWidgets)
}
