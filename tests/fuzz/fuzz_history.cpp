// libFuzzer target: a history database file through every reading command
// (see fuzz_bodies.hpp).

#include "fuzz_bodies.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    sciatica::fuzz::read_history_once(std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
