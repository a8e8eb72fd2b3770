#include "cli/context.hpp"

#include "cli/output.hpp"
#include "lib/error.hpp"
#include "lib/loader.hpp"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sciatica::cli {

const RuleSet &Context::rules() {
    if (rules_path.empty()) {
        return default_rules();
    }
    if (!m_loaded) {
        spdlog::debug("loading rules from {}", rules_path);
        m_loaded = load_rules_file(rules_path);
    }
    return *m_loaded;
}

void write_stdout(const std::string &text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() ||
        std::fflush(stdout) != 0) {
        if (errno == EPIPE) {
            throw OutputClosed();
        }
        throw Error(ErrorKind::io, std::string("cannot write the output: ") + std::strerror(errno));
    }
}

} // namespace sciatica::cli
