#include "lib/catalog_reader.hpp"

#include <yaml-cpp/yaml.h>

namespace sciatica {

bool read_treatment(YamlReader &in, const YAML::Node &node, Treatment &out) {
    if (!in.expect_map(node, "a treatment")) {
        return false;
    }
    in.check_keys(node, {"id", "name", "description", "source"},
                  {"id", "name", "description", "source"});
    out.id = in.id(node);
    out.name = in.text(node, "name");
    out.description = in.text(node, "description");
    out.source = in.text(node, "source");
    return !out.id.empty();
}

bool read_equipment(YamlReader &in, const YAML::Node &node, Equipment &out) {
    if (!in.expect_map(node, "an equipment item")) {
        return false;
    }
    in.check_keys(node, {"id", "name", "description", "how_to_use", "source"},
                  {"id", "name", "description", "how_to_use", "source"});
    out.id = in.id(node);
    out.name = in.text(node, "name");
    out.description = in.text(node, "description");
    out.how_to_use = in.text(node, "how_to_use");
    out.source = in.text(node, "source");
    return !out.id.empty();
}

void read_about(YamlReader &in, const YAML::Node &node, About &out) {
    if (!in.expect_map(node, "'about'")) {
        return;
    }
    in.check_keys(
        node,
        {"name", "what_it_is", "nerve_path", "figure", "symptoms", "diagnosis", "get_help_now",
         "source"},
        {"name", "what_it_is", "nerve_path", "symptoms", "diagnosis", "get_help_now", "source"});
    out.name = in.text(node, "name");
    out.what_it_is = in.text(node, "what_it_is");
    out.nerve_path = in.text(node, "nerve_path");
    out.symptoms = in.text_list(node, "symptoms");
    out.diagnosis = in.text(node, "diagnosis");
    out.source = in.text(node, "source");
    if (YAML::Node figure = node["figure"]; figure && in.expect_map(figure, "'figure'")) {
        in.check_keys(figure, {"unicode", "ascii"}, {"ascii"});
        out.figure_unicode = in.text(figure, "unicode");
        out.figure_ascii = in.text(figure, "ascii");
    }
    YAML::Node groups = node["get_help_now"];
    if (!groups) {
        return;
    }
    if (!groups.IsSequence() || groups.size() == 0) {
        in.error(groups, "'get_help_now' must be a non-empty list of {advice, signs}");
        return;
    }
    for (const auto &group : groups) {
        if (!in.expect_map(group, "an item of 'get_help_now'")) {
            continue;
        }
        in.check_keys(group, {"advice", "signs"}, {"advice", "signs"});
        out.get_help_now.push_back({in.text(group, "advice"), in.text_list(group, "signs")});
    }
}

} // namespace sciatica
