#pragma once

#include "lib/rules.hpp"
#include "lib/yaml_reader.hpp"

namespace sciatica {

// The rule set's wording for people, read with `in` (which reports every
// problem): what the text output says around the content, and how an answer
// reads as a statement.

// A question's `unit:` (days, weeks, months or years; integer and number
// questions only) into `out.unit`.
void read_unit(YamlReader &in, const YAML::Node &node, Question &out);

// A question's statements into `out.says`: `says_yes`/`says_no` for yes_no
// (a YAML key `yes` would be a boolean to many readers), `says` for the rest:
// a mapping of option to statement for a choice, a text with "{answer}" for a
// number. `out.type` and `out.options` must already be read.
void read_says(YamlReader &in, const YAML::Node &node, Question &out);

// The top-level `texts:` mapping (every key optional, unknown keys errors).
void read_texts(YamlReader &in, const YAML::Node &node, Texts &texts);

} // namespace sciatica
