#include "cli/format.hpp"

#include "lib/error.hpp"
#include "lib/history_time.hpp"
#include "lib/input.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#ifndef SCIATICA_VERSION
#define SCIATICA_VERSION "0.0.0"
#endif

namespace sciatica::cli {

namespace {

std::string g_stdin_taken_by; // what read standard input, or ""

} // namespace

void claim_stdin(const std::string &what) {
    if (g_stdin_taken_by == what) {
        throw Error(ErrorKind::usage, "standard input (-) can be read only once (" + what + ")");
    }
    if (!g_stdin_taken_by.empty()) {
        throw Error(ErrorKind::usage, "standard input (-) cannot be both " + g_stdin_taken_by +
                                          " and " + what + ": give one of them as a file");
    }
    g_stdin_taken_by = what;
}

std::string read_input(const std::string &path, std::size_t max_bytes, const std::string &what) {
    if (path != "-") {
        return read_file(path, max_bytes, what);
    }
    claim_stdin(what);
    return read_descriptor(STDIN_FILENO, max_bytes, "<stdin>", what);
}

std::string json_text(const nlohmann::ordered_json &document, bool pretty) {
    return document.dump(pretty ? 2 : -1, ' ', false, nlohmann::json::error_handler_t::replace) +
           "\n";
}

std::string input_name(const std::string &path) {
    return path == "-" ? "<stdin>" : path;
}

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

void add_json_lines_options(CLI::App &command, std::string &format, std::string &subject,
                            const std::string &fhir_each) {
    CLI::Option *format_option =
        command
            .add_option("-f,--format", format,
                        "Output format: json, or fhir (one FHIR R4 Bundle per " + fhir_each + ")")
            ->check(CLI::IsMember({"json", "fhir"}));
    command.add_flag("--json", "Same as --format json (the default)")->excludes(format_option);
    add_subject_option(command, subject);
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
