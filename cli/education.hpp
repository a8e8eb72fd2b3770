#pragma once

#include "cli/context.hpp"
#include "cli/terminal.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace sciatica::cli {

// What the education commands (causes, explain, techniques, treatments,
// questions) share: --format text|json and --json, and how they print.
struct EducationOptions {
    std::string format = "text";
    bool json = false;
};

// `formats` are the values --format takes; "fhir" is described as FHIR R4.
void add_format_options(CLI::App &command, EducationOptions &options,
                        const std::vector<std::string> &formats = {"text", "json"});

// Prints `document` as JSON (pretty at a terminal, one line for a pipe) for
// --json or any --format but text, else what `text` renders for standard
// output's style.
void print_education(Context &context, const EducationOptions &options,
                     const nlohmann::ordered_json &document,
                     const std::function<std::string(const TextStyle &)> &text);

// What an education command prints: the document for --format json (or
// fhir), and the page's text for a style, which add_education_command ends
// with the rule set's practitioner notice.
struct Shown {
    nlohmann::ordered_json document;
    std::function<std::string(const TextStyle &)> text;
};

// Registers the education command `name` with --format (one of `formats`)
// and --json, and a callback that prints what `show` gives for the rule set
// in use, its text followed by the notice. `options` may be the command's
// own, derived from EducationOptions: add its options to the command
// returned; `show` runs once they are parsed.
CLI::App &add_education_command(CLI::App &app, Context &context, const std::string &name,
                                const std::string &description,
                                std::shared_ptr<EducationOptions> options,
                                std::function<Shown(const RuleSet &)> show,
                                const std::vector<std::string> &formats = {"text", "json"});

// "  - item" lines, wrapped (in plain style, one line each).
std::string bullet_list(const std::vector<std::string> &items, const TextStyle &style,
                        const std::string &indent);

// One entry of a catalogue list (questions, treatments, equipment): a blank
// line, `title` in bold indented two spaces, then each of `lines` wrapped
// four spaces in.
std::string entry_text(const TextStyle &style, const std::string &title,
                       const std::vector<std::string> &lines);

// The urgency level's name for `id` ("Urgent: see a practitioner within 24 hours").
std::string urgency_name(const RuleSet &rules, const std::string &id);

} // namespace sciatica::cli
