#pragma once

#include <QPlainTextEdit>

namespace MsalQtDemo {

// The messages of the library's logging categories (msalqt.*), as the library wrote them (it
// redacts secrets). A process-wide message handler feeds every LogPane alive; others pass on.
class LogPane : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit LogPane(QWidget *parent = nullptr);
    ~LogPane() override;

    static void installMessageHandler(); // once, before the panes exist or after

public Q_SLOTS:
    void appendMessage(const QString &line);
};

} // namespace MsalQtDemo
