#pragma once

#include "lib/rules.hpp"

#include <string>
#include <string_view>

namespace sciatica {

// A compact binary form of a loaded, validated RuleSet, so the embedded
// default rule set starts in microseconds instead of being parsed from YAML
// at every start. The build writes it (cmake/compile_rules.cpp) from
// rules/default.yaml; only that build's own library reads it back, so the
// format has no version and no promise beyond the one build.

// Every member of `rules`, in a fixed order.
std::string serialize_rules(const RuleSet &rules);

// The RuleSet `blob` was made from. Throws Error(data) when it is truncated
// or holds trailing bytes.
RuleSet deserialize_rules(std::string_view blob);

} // namespace sciatica
