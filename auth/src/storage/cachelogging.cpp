#include "cachelogging_p.h"

Q_LOGGING_CATEGORY(lcMsalCache, "msalqt.cache", QtInfoMsg)
