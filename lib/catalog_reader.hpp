#pragma once

#include "lib/rules.hpp"
#include "lib/yaml_reader.hpp"

namespace sciatica {

// The rule set's education content, read with `in` (which reports every
// problem): what `sciatica treatments`, `techniques` and `about` show.

// One entry of `treatments:`: {id, name, description, source}. False when it
// has no usable id.
bool read_treatment(YamlReader &in, const YAML::Node &node, Treatment &out);

// One entry of `equipment:`: {id, name, description, how_to_use, source}.
// False when it has no usable id.
bool read_equipment(YamlReader &in, const YAML::Node &node, Equipment &out);

// The top-level `about:` section: what sciatica is, the nerve's path (and
// its figure), symptoms, diagnosis and when to get help now.
void read_about(YamlReader &in, const YAML::Node &node, About &out);

} // namespace sciatica
