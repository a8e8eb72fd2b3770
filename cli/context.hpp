#pragma once

#include "lib/rules.hpp"
#include "lib/settings.hpp"

#include <exception>
#include <optional>
#include <string>

namespace sciatica::cli {

// Options shared by every command, and the rule set they select.
struct Context {
    std::string rules_path; // empty: the embedded default rule set
    bool verbose = false;
    bool no_color = false; // --no-color: never colour text output
    bool plain = false;    // --plain: no boxes, no colour, one idea per line
    bool pretty = false;   // --pretty: JSON indented for people, else one compact line
    // The user's effective settings and where each came from (cli/config.hpp);
    // settings.color.value (auto, always, never) decides colour.
    Settings settings;
    std::string color_flag;            // --color WHEN, empty when not given
    std::exception_ptr settings_error; // a bad config file or variable, thrown after parsing

    // The selected rule set, loaded on first use. Throws Error on a bad file.
    const RuleSet &rules();

  private:
    std::optional<RuleSet> m_loaded;
};

} // namespace sciatica::cli
