#include "lib/version.hpp"

// Only this file is compiled with the version (CMakeLists.txt), so that a new
// version rebuilds one file, not the library.
#ifndef SCIATICA_VERSION
#define SCIATICA_VERSION "0.0.0"
#endif

namespace sciatica {

const char *tool_version() { return SCIATICA_VERSION; }

} // namespace sciatica
