#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace sciatica::cli {

namespace {

const CLI::Validator &not_empty() {
    static const CLI::Validator validator(
        [](std::string &value) { return value.empty() ? std::string("must not be empty") : ""; },
        "", "not empty");
    return validator;
}

} // namespace

CLI::Option *add_file_option(CLI::App &command, const std::string &name, std::string &path,
                             const std::string &description, const std::string &type_name) {
    return command.add_option(name, path, description)->type_name(type_name)->check(not_empty());
}

CLI::Option *add_file_option(CLI::App &command, const std::string &name,
                             std::vector<std::string> &paths, const std::string &description,
                             const std::string &type_name) {
    return command.add_option(name, paths, description)->type_name(type_name)->check(not_empty());
}

} // namespace sciatica::cli
