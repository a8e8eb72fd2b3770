#include "lib/yaml_reader.hpp"

#include "lib/error.hpp"
#include "lib/text_util.hpp"
#include "lib/yaml_guard.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <set>

namespace sciatica {

namespace {

const std::regex &id_pattern() {
    static const std::regex pattern("[a-z0-9][a-z0-9_-]*");
    return pattern;
}

const std::regex &number_pattern() {
    static const std::regex pattern("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    return pattern;
}

SourceMark mark_of(const YAML::Mark &mark) {
    if (mark.is_null()) {
        return {};
    }
    return {mark.line + 1, mark.column + 1};
}

} // namespace

SourceMark mark_of(const YAML::Node &node) {
    return mark_of(node.Mark());
}

YamlReader::YamlReader(std::string file, std::vector<Diagnostic> &diagnostics, Mode mode)
    : m_file(std::move(file)), m_diagnostics(diagnostics), m_mode(mode) {}

bool YamlReader::load(std::string_view text, Input input, YAML::Node &root) {
    m_text = text;
    // A vignette file is held to a rule file's limits, and named as itself.
    std::optional<Diagnostic> problem = input == Input::answers ? check_yaml_answers(text, m_file)
                                        : input == Input::vignettes
                                            ? check_yaml_vignettes(text, m_file)
                                            : check_yaml_input(text, m_file);
    if (problem) {
        error(SourceMark{problem->line, problem->column}, problem->message);
        return false;
    }
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception &e) {
        error(mark_of(e.mark), e.msg);
        return false;
    }
    return true;
}

void YamlReader::error(const SourceMark &mark, const std::string &message) {
    m_diagnostics.push_back({Diagnostic::Severity::error, m_file, mark.line, mark.column, message});
    if (m_mode == Mode::stop) {
        const Diagnostic &d = m_diagnostics.back();
        throw Error(ErrorKind::data, d.without_severity(), source_excerpt(d, m_text));
    }
}

void YamlReader::error(const YAML::Node &node, const std::string &message) {
    error(mark_of(node), message);
}

void YamlReader::fail(const YAML::Node &node, const std::string &message) {
    error(node, message);
    const Diagnostic &d = m_diagnostics.back();
    throw Error(ErrorKind::data, d.without_severity(), source_excerpt(d, m_text));
}

bool YamlReader::expect_map(const YAML::Node &node, const std::string &what) {
    if (!node.IsMap()) {
        error(node, what + " must be a mapping of keys to values");
        return false;
    }
    return true;
}

void YamlReader::check_keys(const YAML::Node &node, const std::vector<std::string> &known,
                            const std::vector<std::string> &required) {
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) {
            error(it->first, "a key must be a plain word");
            continue;
        }
        std::string key = it->first.Scalar();
        if (!seen.insert(key).second) {
            error(it->first, "duplicate key '" + key + "'");
        } else if (std::find(known.begin(), known.end(), key) == known.end()) {
            error(it->first, "unknown key '" + key + "'" + did_you_mean(key, known));
        }
    }
    for (const auto &key : required) {
        if (seen.count(key) == 0) {
            error(node, "missing key '" + key + "'");
        }
    }
}

std::string YamlReader::text(const YAML::Node &map, const char *key) {
    YAML::Node node = map[key];
    if (!node) {
        return {};
    }
    if (!node.IsScalar()) {
        error(node, std::string("'") + key + "' must be text");
        return {};
    }
    return node.Scalar();
}

std::vector<std::string> YamlReader::text_list(const YAML::Node &map, const char *key) {
    std::vector<std::string> out;
    YAML::Node node = map[key];
    if (!node) {
        return out;
    }
    if (!node.IsSequence()) {
        error(node, std::string("'") + key + "' must be a list of text");
        return out;
    }
    for (const auto &item : node) {
        if (!item.IsScalar()) {
            error(item, std::string("each item of '") + key + "' must be text");
            continue;
        }
        out.push_back(item.Scalar());
    }
    return out;
}

std::optional<std::string> YamlReader::scalar(const YAML::Node &node, const std::string &what) {
    if (!node.IsScalar()) {
        error(node, what + " must be a single value");
        return std::nullopt;
    }
    return node.Scalar();
}

std::optional<bool> YamlReader::boolean(const YAML::Node &node, const std::string &what) {
    if (node.IsScalar() && node.Tag() == "?") {
        if (node.Scalar() == "true") {
            return true;
        }
        if (node.Scalar() == "false") {
            return false;
        }
    }
    error(node, what + " must be true or false");
    return std::nullopt;
}

std::optional<double> YamlReader::number(const YAML::Node &node, const std::string &what) {
    if (node.IsScalar() && node.Tag() == "?" && std::regex_match(node.Scalar(), number_pattern())) {
        double value = std::strtod(node.Scalar().c_str(), nullptr);
        if (std::isfinite(value)) {
            return value;
        }
    }
    error(node, what + " must be a number");
    return std::nullopt;
}

std::string YamlReader::id(const YAML::Node &map) {
    std::string value = text(map, "id");
    if (map["id"] && !std::regex_match(value, id_pattern())) {
        error(map["id"], "id '" + value + "' must be lower-case letters, digits, '_' or '-'");
    }
    return value;
}

int YamlReader::reference(const YAML::Node &node, const std::vector<std::string> &ids,
                          const std::string &what) {
    if (!node.IsScalar()) {
        error(node, with_article(what) + " must be one of the " + what + " ids");
        return -1;
    }
    auto it = std::find(ids.begin(), ids.end(), node.Scalar());
    if (it == ids.end()) {
        error(node,
              "unknown " + what + " '" + node.Scalar() + "'" + did_you_mean(node.Scalar(), ids));
        return -1;
    }
    return static_cast<int>(it - ids.begin());
}

} // namespace sciatica
