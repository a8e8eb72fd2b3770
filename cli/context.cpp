#include "cli/context.hpp"

#include "cli/format.hpp"
#include "lib/error.hpp"
#include "lib/loader.hpp"

#include <spdlog/spdlog.h>

namespace sciatica::cli {

const RuleSet &Context::rules() {
    if (rules_path.empty()) {
        return default_rules();
    }
    if (!m_loaded) {
        spdlog::debug("loading rules from {}", rules_path);
        m_loaded = rules_path == "-"
                       ? load_rules(read_input("-", k_max_rules_bytes, "the rule set"), "<stdin>")
                       : load_rules_file(rules_path);
    }
    return *m_loaded;
}

} // namespace sciatica::cli
