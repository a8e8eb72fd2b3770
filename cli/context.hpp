#pragma once

#include "rules.hpp"

#include <optional>
#include <string>

namespace sciatica::cli {

// Options shared by every command, and the rule set they select.
struct Context {
    std::string rules_path; // empty: the embedded default rule set
    bool verbose = false;
    bool no_color = false; // --no-color: never colour text output

    // The selected rule set, loaded on first use. Throws Error on a bad file.
    const RuleSet &rules();

  private:
    std::optional<RuleSet> m_loaded;
};

// Writes `text` to stdout and flushes; throws Error(io) if that fails.
void write_stdout(const std::string &text);

} // namespace sciatica::cli
