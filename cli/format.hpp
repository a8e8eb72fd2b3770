#pragma once

#include "lib/fhir.hpp"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace sciatica::cli {

// "-" for standard input wherever a file is read (--rules, --answers,
// rules lint, rules test, batch). Standard input can be read once:
// `what` ("the rule set") names what took it, and a second claim throws
// Error(usage) naming both.
void claim_stdin(const std::string &what);

// The whole of `path` as read_file reads it, or of standard input (claimed
// as `what`, named "<stdin>" in errors) when `path` is "-".
std::string read_input(const std::string &path, std::size_t max_bytes, const std::string &what);

// "<stdin>" for "-", else `path`: the name errors give the input.
std::string input_name(const std::string &path);

// `document` as JSON text and a newline: indented when `pretty` (--pretty),
// else one compact line. Text that is not UTF-8 (a file name) becomes U+FFFD.
std::string json_text(const nlohmann::ordered_json &document, bool pretty);

// What the commands that can print FHIR (questions, check, batch, history
// export) share: `--subject REF` and the program's side of a Bundle.

// Adds `--subject REF` to `command`, checked as check_subject_reference does.
void add_subject_option(CLI::App &command, std::string &subject);

// What the JSON Lines writers (batch, history export) take: --format json
// (their default) or fhir, one FHIR R4 Bundle per `fhir_each` ("line"),
// --json as every command takes it, and --subject.
void add_json_lines_options(CLI::App &command, std::string &format, std::string &subject,
                            const std::string &fhir_each);

// The FhirCheck for a check made now: authored at the current time, for
// `subject`, by this program's version, with ids named after `id_seed`.
FhirCheck fhir_check_now(const std::string &subject, const std::string &id_seed = {});

} // namespace sciatica::cli
