#pragma once

// MsalQt identity platform emulator: include this to start a Server in-process.
#include "fault.h"
#include "recordedrequest.h"
#include "server.h"
