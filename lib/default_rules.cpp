#include "lib/loader.hpp"
#include "lib/rules_blob.hpp"

// Generated at build time from rules/default.yaml: the text by
// cmake/embed.cmake, the loaded and validated rule set by
// cmake/compile_rules.cpp.
extern const char k_embedded_default_rules[];
extern const unsigned long k_embedded_default_rules_size;
extern const unsigned char k_embedded_default_rules_blob[];
extern const unsigned long k_embedded_default_rules_blob_size;

namespace sciatica {

std::string_view default_rules_text() {
    return {k_embedded_default_rules, k_embedded_default_rules_size};
}

const RuleSet &default_rules() {
    // Parsed and validated when the binary was built: reading it back costs
    // microseconds where parsing the YAML costs milliseconds at every start.
    static const RuleSet rules =
        deserialize_rules({reinterpret_cast<const char *>(k_embedded_default_rules_blob),
                           k_embedded_default_rules_blob_size});
    return rules;
}

} // namespace sciatica
