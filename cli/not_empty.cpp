#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace sciatica::cli {

const CLI::Validator &not_empty() {
    static const CLI::Validator validator(
        [](std::string &value) { return value.empty() ? std::string("must not be empty") : ""; },
        "", "not empty");
    return validator;
}

} // namespace sciatica::cli
