#pragma once

#include "lib/condition.hpp"
#include "lib/diagnostic.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
} // namespace YAML

namespace sciatica {

// The 1-based position of `node` in its source; {0, 0} when it has none.
SourceMark mark_of(const YAML::Node &node);

// Typed reads of yaml-cpp nodes, shared by every YAML input the library takes
// (rule sets, vignettes, answers), so that each shape is checked and worded
// one way. yaml-cpp's own messages are poor ("bad conversion"), so every read
// checks the node itself and reports a problem as a Diagnostic at the node's
// position in `file`.
//
// A collecting reader appends every problem to `diagnostics` and carries on,
// so that an author can fix them all in one pass; a stopping reader throws
// Error(data) at the first, for inputs where a half-read value must not be
// used. `diagnostics` must outlive the reader.
class YamlReader {
  public:
    enum class Mode { collect, stop };

    // What a text holds, for the checks before parsing (lib/yaml_guard.hpp).
    enum class Input { rules, vignettes, answers };

    YamlReader(std::string file, std::vector<Diagnostic> &diagnostics, Mode mode = Mode::collect);

    const std::string &file() const { return m_file; }

    // Checks `text` (yaml_guard) and parses it into `root`; false after
    // reporting the problem when it cannot be used. A stopping reader's
    // errors then quote `text`, which must outlive the reader.
    bool load(std::string_view text, Input input, YAML::Node &root);

    // Reports `message` at `node`'s position (or at no position).
    void error(const YAML::Node &node, const std::string &message);
    void error(const SourceMark &mark, const std::string &message);

    // Reports `message` at `node` and throws Error(data) with it, whatever
    // the mode.
    [[noreturn]] void fail(const YAML::Node &node, const std::string &message);

    // Whether `node` is a mapping; reports "WHAT must be a mapping of keys to
    // values" when it is not.
    bool expect_map(const YAML::Node &node, const std::string &what);

    // Reports keys of the mapping `node` that are not plain words, repeated,
    // or not in `known` (with the nearest known one), then each of `required`
    // that is missing.
    void check_keys(const YAML::Node &node, const std::vector<std::string> &known,
                    const std::vector<std::string> &required = {});

    // The text at `map[key]`; "" when absent or not text ("'KEY' must be text").
    std::string text(const YAML::Node &map, const char *key);

    // The list of text at `map[key]`; empty when absent or malformed.
    std::vector<std::string> text_list(const YAML::Node &map, const char *key);

    // The single value of `node`, or nullopt after "WHAT must be a single value".
    std::optional<std::string> scalar(const YAML::Node &node, const std::string &what);

    // An unquoted true or false (yaml-cpp would also take yes, on, y: a file
    // says what it means); nullopt after "WHAT must be true or false".
    std::optional<bool> boolean(const YAML::Node &node, const std::string &what);

    // An unquoted finite decimal number; nullopt after "WHAT must be a number".
    std::optional<double> number(const YAML::Node &node, const std::string &what);

    // The `id` of the mapping `map`: lower-case letters, digits, '_' or '-'.
    std::string id(const YAML::Node &map);

    // The index of `node`'s value in `ids`, or -1 after "unknown WHAT 'x'"
    // with the nearest id, or "a WHAT must be one of the WHAT ids".
    int reference(const YAML::Node &node, const std::vector<std::string> &ids,
                  const std::string &what);

  private:
    std::string m_file;
    std::vector<Diagnostic> &m_diagnostics;
    Mode m_mode;
    std::string_view m_text; // what load() read, for the excerpt of an error
};

} // namespace sciatica
