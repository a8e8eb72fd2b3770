// sciatica report: a summary of the saved checks to take to the visit.

#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/output.hpp"
#include "lib/error.hpp"
#include "lib/history.hpp"
#include "lib/history_files.hpp"
#include "lib/report.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ctime>
#include <memory>

namespace sciatica::cli {

namespace {

// Today as YYYY-MM-DD in local time: the print date on every page.
std::string today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    char buffer[16] = "";
    if (localtime_r(&now, &local) != nullptr) {
        std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    }
    return buffer;
}

} // namespace

void add_report_command(CLI::App &app, Context &context) {
    auto output = std::make_shared<std::string>();
    CLI::App *report = app.add_subcommand(
        "report", "A summary of your saved checks for your practitioner, as one HTML file");
    add_file_option(*report, "-o,--output", *output,
                    "Write the report to this file (atomically); default: standard output");
    report->footer("Open the file in a browser, then print it, or choose \"Save as PDF\" as the "
                   "printer.\nExample:\n  sciatica report --output visit.html");
    report->callback([&context, output] {
        const RuleSet &rules = context.rules();
        const std::string path = history_path(process_env);
        ReportChecks checks;
        if (HistoryStore::exists(path)) {
            checks = read_report_checks(rules, HistoryStore(path, false));
        }
        if (checks.points.empty()) {
            throw Error(ErrorKind::no_input, "no saved checks to report on: save one with "
                                             "sciatica check --save");
        }
        // Health data: readable by the person alone, like the history, from
        // the moment the file exists. Through /dev/stdout, the shell's file
        // is the person's to choose and keeps its mode.
        write_output(*output, render_report(rules, checks, path, today()),
                     NewFile::private_to_owner);
    });
}

} // namespace sciatica::cli
