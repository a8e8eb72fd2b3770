#pragma once

#include <optional>
#include <string>

namespace sciatica {

// The clock of the saved checks: when a check was saved, and reading that
// back. Nothing here touches the disk.

// The current time as ISO 8601 with the local offset: 2026-11-25T17:41:13+01:00.
std::string iso_now();

// Seconds since the epoch of an ISO 8601 time as iso_now() writes it, or
// std::nullopt when `text` is not one.
std::optional<long long> parse_iso_time(const std::string &text);

} // namespace sciatica
