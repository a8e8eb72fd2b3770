#pragma once

namespace sciatica {

// The program's version (the project's version in CMakeLists.txt), as every
// JSON result gives it in `tool_version`.
const char *tool_version();

} // namespace sciatica
