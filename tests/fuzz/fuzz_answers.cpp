// libFuzzer target: the answers parser, JSON and YAML (see fuzz_bodies.hpp).

#include "fuzz_bodies.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    sciatica::fuzz::parse_answers_once(
        std::string_view(reinterpret_cast<const char *>(data), size));
    return 0;
}
