#include "lib/wording_reader.hpp"

#include "lib/text_util.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace sciatica {

void read_unit(YamlReader &in, const YAML::Node &node, Question &out) {
    if (!node["unit"]) {
        return;
    }
    out.unit = in.text(node, "unit");
    std::vector<std::string> units;
    for (const auto &unit : duration_units()) {
        units.emplace_back(unit.name);
    }
    if (out.type != QuestionType::integer && out.type != QuestionType::number) {
        in.error(node["unit"], "'unit' applies only to integer and number questions");
    } else if (std::find(units.begin(), units.end(), out.unit) == units.end()) {
        in.error(node["unit"], "unknown unit '" + out.unit + "'" + did_you_mean(out.unit, units) +
                                   "; use " + or_list(units));
    }
}

void read_says(YamlReader &in, const YAML::Node &node, Question &out) {
    bool yes_no = out.type == QuestionType::yes_no;
    for (const char *key : {"says_yes", "says_no"}) {
        if (node[key] && !yes_no) {
            in.error(node[key], std::string("'") + key + "' applies only to yes_no questions");
        }
    }
    if (yes_no) {
        if (node["says"]) {
            in.error(node["says"], "a yes_no question says its answers with 'says_yes' and "
                                   "'says_no'");
        }
        if (node["says_yes"] || node["says_no"]) {
            out.says = {in.text(node, "says_no"), in.text(node, "says_yes")};
        }
        return;
    }
    YAML::Node says = node["says"];
    if (!says) {
        return;
    }
    if (out.type != QuestionType::choice) {
        if (!says.IsScalar()) {
            in.error(says, "'says' of a number question must be text, with {answer} for the "
                           "value");
            return;
        }
        out.says = {says.Scalar()};
        return;
    }
    if (!in.expect_map(says, "'says' of a choice question")) {
        return;
    }
    in.check_keys(says, out.options, {});
    for (const auto &option : out.options) {
        out.says.push_back(in.text(says, option.c_str()));
    }
}

void read_texts(YamlReader &in, const YAML::Node &node, Texts &texts) {
    if (!in.expect_map(node, "'texts'")) {
        return;
    }
    std::vector<std::string> keys;
    for (const auto &key : text_keys()) {
        keys.push_back(key.key);
    }
    keys.insert(keys.end(), named_text_keys().begin(), named_text_keys().end());
    in.check_keys(node, keys, {});
    for (const auto &key : text_keys()) {
        texts.*key.member = in.text(node, key.key);
    }
    for (const auto &key : named_text_keys()) {
        if (node[key]) {
            texts.named.push_back({key, in.text(node, key.c_str())});
        }
    }
}
} // namespace sciatica
