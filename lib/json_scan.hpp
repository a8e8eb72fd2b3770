#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace sciatica {

// Byte scans of JSON text that nlohmann has already accepted, for what its
// parsed form no longer holds: where a key was written and a value's bytes
// as written. Nothing here validates; on text that is not valid JSON the
// answers are meaningless but stay inside `text`.

// The index just past the JSON string that opens at text[i] (a '"'), or
// text.size() when it does not close.
std::size_t json_string_end(std::string_view text, std::size_t i);

// One member key of the top-level object.
struct JsonKey {
    std::string_view raw; // as written, quotes and escapes included
    std::size_t end;      // the index just past its closing quote
    std::size_t line;     // 1-based
};

// Calls `visit` for each member key of the top-level object of `text`, in
// the order written, until `visit` returns false. Returns the 1-based line
// where the scan stopped: the stopping key's, or the last line of `text`.
std::size_t scan_top_level_keys(std::string_view text,
                                const std::function<bool(const JsonKey &)> &visit);

} // namespace sciatica
