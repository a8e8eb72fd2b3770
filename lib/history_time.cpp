#include "lib/history_time.hpp"

#include <cstdio>
#include <ctime>

namespace sciatica {

std::string iso_now() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[40] = {};
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S%z", &local);
    std::string out = buffer; // ...+0100: ISO 8601's extended form has +01:00
    if (out.size() >= 5) {
        out.insert(out.size() - 2, ":");
    }
    return out;
}

std::optional<long long> parse_iso_time(const std::string &text) {
    std::tm tm{};
    int offset_hours = 0;
    int offset_minutes = 0;
    char sign = '+';
    int read = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &read) != 6) {
        return std::nullopt;
    }
    std::string zone = text.substr(static_cast<std::size_t>(read));
    if (zone == "Z") {
        sign = '+';
    } else if (std::sscanf(zone.c_str(), "%c%2d:%2d", &sign, &offset_hours, &offset_minutes) != 3 ||
               (sign != '+' && sign != '-')) {
        return std::nullopt;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    long long seconds = timegm(&tm);
    long long offset = (offset_hours * 60LL + offset_minutes) * 60;
    return sign == '+' ? seconds - offset : seconds + offset;
}

} // namespace sciatica
