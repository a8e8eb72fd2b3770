// sciatica report: a summary of the saved checks to take to the visit.

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "lib/error.hpp"
#include "lib/history.hpp"
#include "lib/report.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <memory>
#include <sys/stat.h>

namespace sciatica::cli {

namespace {

const char *process_env(const char *name) {
    return std::getenv(name);
}

} // namespace

void add_report_command(CLI::App &app, Context &context) {
    auto output = std::make_shared<std::string>();
    CLI::App *report = app.add_subcommand(
        "report", "A summary of your saved checks for your practitioner, as one HTML file");
    report
        ->add_option("-o,--output", *output,
                     "Write the report to this file (atomically); default: standard output")
        ->type_name("FILE");
    report->footer("Open the file in a browser, then print it, or choose \"Save as PDF\" as the "
                   "printer.\nExample:\n  sciatica report --output visit.html");
    report->callback([&context, output] {
        const RuleSet &rules = context.rules();
        const std::string path = history_path(process_env);
        std::vector<SavedCheck> checks;
        if (HistoryStore::exists(path)) {
            checks = HistoryStore(path, false).all();
        }
        if (checks.empty()) {
            throw Error(ErrorKind::no_input, "no saved checks to report on: save one with "
                                             "sciatica check --save");
        }
        write_output(*output, render_report(rules, checks, path));
        if (!output->empty() && *output != "-") {
            // Health data: readable by the person alone, like the history.
            struct stat info {};
            if (stat(output->c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
                chmod(output->c_str(), 0600);
            }
        }
    });
}

} // namespace sciatica::cli
