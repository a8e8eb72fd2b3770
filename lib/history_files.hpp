#pragma once

#include "lib/settings.hpp"

#include <string>

namespace sciatica {

// Where the saved checks live and how their files are kept private. The
// SQLite store itself is lib/history.hpp.

// $XDG_DATA_HOME/sciatica/history.sqlite3, else
// $HOME/.local/share/sciatica/history.sqlite3; "" when neither is set.
std::string history_path(const Environment &env);

// Before anything is written to the history at `path`: creates its folder
// (and any missing parent) with mode 0700 and the file with mode 0600 when
// they are missing, and tightens an existing folder to 0700 and file to
// 0600 when others could read them. Throws Error(data) when `path` is not a
// regular file, and Error(io) when it is a symbolic link (a write must not
// land elsewhere) or the folder or file cannot be created, opened or made
// private (then nothing has been written to it).
void prepare_private_file(const std::string &path);

} // namespace sciatica
