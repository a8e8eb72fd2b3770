#include "cli/format.hpp"

#include "lib/error.hpp"
#include "lib/history_time.hpp"

#include <CLI/CLI.hpp>

#ifndef SCIATICA_VERSION
#define SCIATICA_VERSION "0.0.0"
#endif

namespace sciatica::cli {

void add_subject_option(CLI::App &command, std::string &subject) {
    command
        .add_option("--subject", subject,
                    "FHIR: the person the Bundle is about, as a reference (Patient/123); "
                    "without it the subject is anonymous")
        ->type_name("REF")
        ->check([](const std::string &value) {
            try {
                check_subject_reference(value);
            } catch (const Error &e) {
                return std::string(e.what());
            }
            return std::string();
        });
}

FhirCheck fhir_check_now(const std::string &subject, const std::string &id_seed) {
    FhirCheck check;
    check.authored = iso_now();
    check.subject = subject;
    check.tool_version = SCIATICA_VERSION;
    check.id_seed = id_seed;
    return check;
}

} // namespace sciatica::cli
