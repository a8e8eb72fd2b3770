#include "loader.hpp"

// Generated at build time from rules/default.yaml (see cmake/embed.cmake).
extern const char k_embedded_default_rules[];
extern const unsigned long k_embedded_default_rules_size;

namespace sciatica {

std::string_view default_rules_text() {
    return {k_embedded_default_rules, k_embedded_default_rules_size};
}

const RuleSet &default_rules() {
    // The embedded rule set is checked by the build's tests; a failure here
    // would be a packaging error, reported like any other rule-set error.
    static const RuleSet rules = load_rules(default_rules_text(), "<embedded>/default.yaml");
    return rules;
}

} // namespace sciatica
