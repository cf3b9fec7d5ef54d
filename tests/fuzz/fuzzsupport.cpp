#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <cstdlib>

namespace MsalQt::Fuzz {

void fail(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "==FUZZ== invariant broken at %s:%d: %s\n", file, line, condition);
    std::abort();
}

// Every message is dropped (a parser that warns per input would spend the run writing), but
// the library's categories are all enabled, debug included, so the code that formats log lines
// from hostile input runs too. qFatal still aborts after the handler returns.
static void discardMessage(QtMsgType, const QMessageLogContext &, const QString &) {}

} // namespace MsalQt::Fuzz

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // QCoreApplication keeps a reference to argc: give it its own, and leave libFuzzer's flags
    // alone (Qt would take out the arguments it knows).
    static int qtArgc = 1;
    static char *qtArgv[] = {(*argc > 0 ? (*argv)[0] : const_cast<char *>("fuzz")), nullptr};
    static QCoreApplication application(qtArgc, qtArgv);
    QLoggingCategory::setFilterRules(QStringLiteral("msalqt.*=true"));
    qInstallMessageHandler(MsalQt::Fuzz::discardMessage);
    return 0;
}
