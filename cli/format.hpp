#pragma once

#include "lib/fhir.hpp"

#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace sciatica::cli {

// What the commands that can print FHIR (questions, check, batch, history
// export) share: `--subject REF` and the program's side of a Bundle.

// Adds `--subject REF` to `command`, checked as check_subject_reference does.
void add_subject_option(CLI::App &command, std::string &subject);

// The FhirCheck for a check made now: authored at the current time, for
// `subject`, by this program's version, with ids named after `id_seed`.
FhirCheck fhir_check_now(const std::string &subject, const std::string &id_seed = {});

} // namespace sciatica::cli
