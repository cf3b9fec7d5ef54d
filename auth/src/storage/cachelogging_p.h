#pragma once

#include <QLoggingCategory>

// msalqt.cache: token cache persistence (storage back ends, lock, encryption, keychain).
// Paths and outcomes only: never key material, never cache contents.
Q_DECLARE_LOGGING_CATEGORY(lcMsalCache)
