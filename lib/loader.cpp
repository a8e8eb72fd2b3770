#include "lib/loader.hpp"

#include "lib/error.hpp"
#include "lib/limits.hpp"
#include "lib/lint.hpp"
#include "lib/text_util.hpp"
#include "lib/yaml_guard.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <set>

namespace sciatica {

namespace {

// Deeper conditions than this are a mistake, not clinical reasoning, and
// would only risk the stack.
constexpr int k_max_condition_depth = 32;

template <typename T, typename = void> struct HasId : std::false_type {};
template <typename T> struct HasId<T, std::void_t<decltype(T::id)>> : std::true_type {};

const std::regex &id_pattern() {
    static const std::regex pattern("[a-z0-9][a-z0-9_-]*");
    return pattern;
}

const std::regex &number_pattern() {
    static const std::regex pattern("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    return pattern;
}

SourceMark mark_of(const YAML::Node &node) {
    YAML::Mark mark = node.Mark();
    if (mark.is_null()) {
        return {};
    }
    return {mark.line + 1, mark.column + 1};
}

// Reads one YAML document into a RuleSet, collecting every problem it can
// find rather than stopping at the first, so that an author fixes them all in
// one pass.
class Loader {
  public:
    Loader(std::string file, std::vector<Diagnostic> &diagnostics)
        : m_file(std::move(file)), m_diagnostics(diagnostics) {}

    void load(const YAML::Node &root, RuleSet &rules) {
        if (!expect_map(root, "the rule set")) {
            return;
        }
        check_keys(
            root,
            {"format", "title", "version", "notice", "urgencies", "questions", "red_flags",
             "urgency_rules", "causes_when", "causes", "techniques", "treatments", "equipment",
             "incomplete_screen", "leading_causes", "history"},
            {"format", "notice", "urgencies", "questions", "red_flags", "causes", "techniques"});
        std::string format = text(root, "format");
        if (root["format"] && format != k_rules_format) {
            error(root["format"], "unsupported format '" + format + "' (this build reads '" +
                                      k_rules_format + "')");
        }
        rules.title = text(root, "title");
        rules.version = text(root, "version");
        rules.notice = text(root, "notice");
        if (root["notice"] && rules.notice.empty()) {
            error(root["notice"], "the practitioner notice must not be empty");
        }
        load_list(root, "urgencies", rules.urgencies, &Loader::load_urgency);
        if (root["urgencies"] && rules.urgencies.empty()) {
            error(root["urgencies"], "at least one urgency level is needed");
        }
        m_rules = &rules;
        load_list(root, "questions", rules.questions, &Loader::load_question);
        // Conditions refer to questions, so questions come first whatever
        // order the file has them in; ask_when is read in a second pass so a
        // question may depend on a later one.
        load_ask_when(root);
        load_list(root, "red_flags", rules.red_flags, &Loader::load_rule);
        load_list(root, "urgency_rules", rules.urgency_rules, &Loader::load_rule);
        check_unique_ids(root, "red_flags", "urgency_rules");
        if (root["causes_when"]) {
            rules.causes_when = condition(root["causes_when"], 0);
        }
        load_list(root, "causes", rules.causes, &Loader::load_cause);
        load_list(root, "techniques", rules.techniques, &Loader::load_technique);
        load_list(root, "treatments", rules.treatments, &Loader::load_named_text);
        load_list(root, "equipment", rules.equipment, &Loader::load_named_text);
        if (root["incomplete_screen"]) {
            load_incomplete_screen(root["incomplete_screen"], rules.incomplete_screen);
        }
        if (YAML::Node leading = root["leading_causes"]) {
            auto value = number(leading, "'leading_causes'");
            if (value && (*value < 1 || *value > 10 || *value != static_cast<int>(*value))) {
                error(leading, "'leading_causes' must be a whole number from 1 to 10");
            } else if (value) {
                rules.leading_causes = static_cast<int>(*value);
            }
        }
        if (root["history"]) {
            load_history(root["history"], rules.history);
        }
    }

  private:
    std::string m_file;
    std::vector<Diagnostic> &m_diagnostics;
    RuleSet *m_rules = nullptr;

    void error(const YAML::Node &node, const std::string &message) {
        SourceMark mark = mark_of(node);
        m_diagnostics.push_back(
            {Diagnostic::Severity::error, m_file, mark.line, mark.column, message});
    }

    bool expect_map(const YAML::Node &node, const std::string &what) {
        if (!node.IsMap()) {
            error(node, what + " must be a mapping of keys to values");
            return false;
        }
        return true;
    }

    // Reports duplicate, unknown and missing keys of the mapping `node`.
    void check_keys(const YAML::Node &node, const std::vector<std::string> &known,
                    const std::vector<std::string> &required) {
        std::set<std::string> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar()) {
                error(it->first, "a key must be a plain word");
                continue;
            }
            std::string key = it->first.Scalar();
            if (!seen.insert(key).second) {
                error(it->first, "duplicate key '" + key + "'");
            } else if (std::find(known.begin(), known.end(), key) == known.end()) {
                error(it->first, "unknown key '" + key + "'" + did_you_mean(key, known));
            }
        }
        for (const auto &key : required) {
            if (seen.count(key) == 0) {
                error(node, "missing key '" + key + "'");
            }
        }
    }

    std::string text(const YAML::Node &map, const char *key) {
        YAML::Node node = map[key];
        if (!node) {
            return {};
        }
        if (!node.IsScalar()) {
            error(node, std::string("'") + key + "' must be text");
            return {};
        }
        return node.Scalar();
    }

    std::vector<std::string> text_list(const YAML::Node &map, const char *key) {
        std::vector<std::string> out;
        YAML::Node node = map[key];
        if (!node) {
            return out;
        }
        if (!node.IsSequence()) {
            error(node, std::string("'") + key + "' must be a list of text");
            return out;
        }
        for (const auto &item : node) {
            if (!item.IsScalar()) {
                error(item, std::string("each item of '") + key + "' must be text");
                continue;
            }
            out.push_back(item.Scalar());
        }
        return out;
    }

    std::optional<bool> boolean(const YAML::Node &node, const std::string &what) {
        // yaml-cpp would also take yes/on/y; a rule file says what it means.
        if (node.IsScalar() && node.Tag() == "?") {
            if (node.Scalar() == "true") {
                return true;
            }
            if (node.Scalar() == "false") {
                return false;
            }
        }
        error(node, what + " must be true or false");
        return std::nullopt;
    }

    std::optional<double> number(const YAML::Node &node, const std::string &what) {
        if (node.IsScalar() && node.Tag() == "?" &&
            std::regex_match(node.Scalar(), number_pattern())) {
            double value = std::strtod(node.Scalar().c_str(), nullptr);
            if (std::isfinite(value)) {
                return value;
            }
        }
        error(node, what + " must be a number");
        return std::nullopt;
    }

    std::string id(const YAML::Node &map) {
        std::string value = text(map, "id");
        if (map["id"] && !std::regex_match(value, id_pattern())) {
            error(map["id"], "id '" + value + "' must be lower-case letters, digits, '_' or '-'");
        }
        return value;
    }

    int urgency_ref(const YAML::Node &node) {
        if (!node.IsScalar()) {
            error(node, "an urgency must be one of the urgency ids");
            return -1;
        }
        int index = m_rules->urgency_index(node.Scalar());
        if (index < 0) {
            error(node, "unknown urgency '" + node.Scalar() + "'" +
                            did_you_mean(node.Scalar(), m_rules->urgency_ids()));
        }
        return index;
    }

    template <typename T>
    void load_list(const YAML::Node &root, const char *key, std::vector<T> &out,
                   bool (Loader::*load_one)(const YAML::Node &, T &)) {
        YAML::Node list = root[key];
        if (!list) {
            return;
        }
        if (!list.IsSequence()) {
            error(list, std::string("'") + key + "' must be a list");
            return;
        }
        if (list.size() > k_max_list_entries) {
            error(list, std::string("'") + key + "' has " + std::to_string(list.size()) +
                            " entries; a rule set may have at most " +
                            std::to_string(k_max_list_entries));
            return;
        }
        std::set<std::string> ids;
        for (const auto &item : list) {
            T value;
            if (!(this->*load_one)(item, value)) {
                continue;
            }
            if constexpr (HasId<T>::value) {
                if (!value.id.empty() && !ids.insert(value.id).second) {
                    error(item["id"], "duplicate id '" + value.id + "' in '" + key + "'");
                    continue;
                }
            }
            out.push_back(std::move(value));
        }
    }

    // Red flags and urgency rules share one namespace of ids.
    void check_unique_ids(const YAML::Node &root, const char *first, const char *second) {
        if (!root[first] || !root[second] || !root[second].IsSequence()) {
            return;
        }
        for (const auto &item : root[second]) {
            if (!item.IsMap() || !item["id"] || !item["id"].IsScalar()) {
                continue;
            }
            for (const auto &rule : m_rules->red_flags) {
                if (rule.id == item["id"].Scalar()) {
                    error(item["id"], "duplicate id '" + rule.id + "': already a red flag");
                }
            }
        }
    }

    bool load_urgency(const YAML::Node &node, UrgencyLevel &out) {
        if (!expect_map(node, "an urgency level")) {
            return false;
        }
        check_keys(node, {"id", "name", "advice", "self_care", "ends_interview"},
                   {"id", "name", "advice", "self_care"});
        out.id = id(node);
        out.mark = mark_of(node);
        out.name = text(node, "name");
        out.advice = text(node, "advice");
        if (node["self_care"]) {
            out.self_care = boolean(node["self_care"], "'self_care'").value_or(false);
        }
        if (node["ends_interview"]) {
            out.ends_interview =
                boolean(node["ends_interview"], "'ends_interview'").value_or(false);
        }
        return !out.id.empty();
    }

    bool load_question(const YAML::Node &node, Question &out) {
        if (!expect_map(node, "a question")) {
            return false;
        }
        check_keys(node, {"id", "type", "prompt", "help", "min", "max", "options", "ask_when"},
                   {"id", "type", "prompt"});
        out.id = id(node);
        out.mark = mark_of(node);
        out.prompt = text(node, "prompt");
        out.help = text(node, "help");
        std::string type = text(node, "type");
        static const std::vector<std::string> types = {"yes_no", "integer", "number", "choice"};
        if (type == "yes_no") {
            out.type = QuestionType::yes_no;
        } else if (type == "integer") {
            out.type = QuestionType::integer;
        } else if (type == "number") {
            out.type = QuestionType::number;
        } else if (type == "choice") {
            out.type = QuestionType::choice;
        } else if (node["type"]) {
            error(node["type"], "unknown question type '" + type + "'" + did_you_mean(type, types) +
                                    "; use yes_no, integer, number or choice");
        }
        bool numeric = out.type == QuestionType::integer || out.type == QuestionType::number;
        for (const char *bound : {"min", "max"}) {
            if (!node[bound]) {
                continue;
            }
            if (!numeric) {
                error(node[bound], std::string("'") + bound + "' applies only to integer and " +
                                       "number questions");
                continue;
            }
            auto value = number(node[bound], std::string("'") + bound + "'");
            (std::string(bound) == "min" ? out.min : out.max) = value;
        }
        if (out.min && out.max && *out.min > *out.max) {
            error(node["min"], "'min' is greater than 'max'");
        }
        if (out.type == QuestionType::choice) {
            out.options = text_list(node, "options");
            if (out.options.empty()) {
                error(node, "a choice question needs a list of 'options'");
            }
            std::set<std::string> unique(out.options.begin(), out.options.end());
            if (unique.size() != out.options.size()) {
                error(node["options"], "the options of '" + out.id + "' repeat a value");
            }
        } else if (node["options"]) {
            error(node["options"], "'options' applies only to choice questions");
        }
        return !out.id.empty();
    }

    void load_ask_when(const YAML::Node &root) {
        YAML::Node list = root["questions"];
        if (!list || !list.IsSequence()) {
            return;
        }
        for (const auto &node : list) {
            if (!node.IsMap() || !node["ask_when"] || !node["id"] || !node["id"].IsScalar()) {
                continue;
            }
            int index = m_rules->question_index(node["id"].Scalar());
            if (index >= 0) {
                m_rules->questions[static_cast<std::size_t>(index)].ask_when =
                    condition(node["ask_when"], 0);
            }
        }
    }

    bool load_rule(const YAML::Node &node, UrgencyRule &out) {
        if (!expect_map(node, "a rule")) {
            return false;
        }
        check_keys(node, {"id", "name", "urgency", "when", "unless", "context", "advice", "source"},
                   {"id", "name", "urgency", "when", "advice"});
        out.id = id(node);
        out.mark = mark_of(node);
        out.name = text(node, "name");
        out.advice = text(node, "advice");
        out.urgency = node["urgency"] ? urgency_ref(node["urgency"]) : -1;
        out.source = text(node, "source");
        if (node["when"]) {
            out.when = condition(node["when"], 0);
        }
        if (node["unless"]) {
            out.unless = condition(node["unless"], 0);
        }
        if (YAML::Node context = node["context"]; context && !context.IsSequence()) {
            error(context, "'context' must be a list of conditions");
        } else if (context) {
            for (const auto &item : context) {
                out.context.push_back(condition(item, 0));
            }
        }
        return !out.id.empty() && out.urgency >= 0 && node["when"];
    }

    bool load_cause(const YAML::Node &node, Cause &out) {
        if (!expect_map(node, "a cause")) {
            return false;
        }
        check_keys(node,
                   {"id", "name", "summary", "description", "signs", "diagnosis", "usual_urgency",
                    "source", "requires", "findings"},
                   {"id", "name", "summary", "description", "source", "findings"});
        out.id = id(node);
        out.mark = mark_of(node);
        out.name = text(node, "name");
        out.summary = text(node, "summary");
        out.description = text(node, "description");
        out.signs = text_list(node, "signs");
        out.diagnosis = text(node, "diagnosis");
        out.source = text(node, "source");
        out.usual_urgency =
            node["usual_urgency"] ? urgency_ref(node["usual_urgency"]) : m_rules->default_urgency();
        if (node["requires"]) {
            out.requires_ = condition(node["requires"], 0);
        }
        YAML::Node findings = node["findings"];
        if (findings && !findings.IsSequence()) {
            error(findings, "'findings' must be a list");
        } else if (findings) {
            for (const auto &item : findings) {
                Finding finding;
                if (load_finding(item, finding)) {
                    out.findings.push_back(std::move(finding));
                }
            }
            bool supported = std::any_of(out.findings.begin(), out.findings.end(),
                                         [](const Finding &f) { return f.weight > 0; });
            if (!supported) {
                error(findings, "cause '" + out.id + "' has no finding that supports it");
            }
        }
        return !out.id.empty();
    }

    bool load_finding(const YAML::Node &node, Finding &out) {
        if (!expect_map(node, "a finding")) {
            return false;
        }
        check_keys(node, {"when", "weight"}, {"when", "weight"});
        out.mark = mark_of(node);
        if (node["weight"]) {
            out.weight = number(node["weight"], "'weight'").value_or(0);
            if (out.weight == 0) {
                error(node["weight"], "a finding's weight must not be zero");
            }
        }
        if (!node["when"]) {
            return false;
        }
        out.when = condition(node["when"], 0);
        return true;
    }

    bool load_technique(const YAML::Node &node, Technique &out) {
        if (!expect_map(node, "a technique")) {
            return false;
        }
        check_keys(node,
                   {"id", "name", "summary", "when", "unless", "not_at", "not_with_causes", "steps",
                    "cautions", "equipment"},
                   {"id", "name", "summary", "steps"});
        out.id = id(node);
        out.mark = mark_of(node);
        out.name = text(node, "name");
        out.summary = text(node, "summary");
        out.steps = text_list(node, "steps");
        if (node["steps"] && out.steps.empty()) {
            error(node["steps"], "a technique needs at least one step");
        }
        out.cautions = text_list(node, "cautions");
        out.equipment = text_list(node, "equipment");
        if (node["when"]) {
            out.when = condition(node["when"], 0);
        }
        if (node["unless"]) {
            out.unless = condition(node["unless"], 0);
        }
        YAML::Node causes = node["not_with_causes"];
        if (causes && !causes.IsSequence()) {
            error(causes, "'not_with_causes' must be a list of cause ids");
        } else if (causes) {
            for (const auto &item : causes) {
                int index = item.IsScalar() ? cause_index(item.Scalar()) : -1;
                if (index >= 0) {
                    out.not_with_causes.push_back(index);
                } else {
                    error(item, "unknown cause '" + (item.IsScalar() ? item.Scalar() : "") + "'" +
                                    did_you_mean(item.IsScalar() ? item.Scalar() : "",
                                                 m_rules->cause_ids()));
                }
            }
        }
        YAML::Node not_at = node["not_at"];
        if (not_at && !not_at.IsSequence()) {
            error(not_at, "'not_at' must be a list of urgency ids");
        } else if (not_at) {
            for (const auto &item : not_at) {
                int index = urgency_ref(item);
                if (index >= 0) {
                    out.not_at.push_back(index);
                }
            }
        }
        return !out.id.empty();
    }

    int cause_index(const std::string &id) const { return m_rules->cause_index(id); }

    void load_incomplete_screen(const YAML::Node &node, IncompleteScreen &out) {
        if (!expect_map(node, "'incomplete_screen'")) {
            return;
        }
        check_keys(node, {"urgency", "name", "advice", "ask"}, {"urgency", "name", "advice", "ask"});
        out.urgency = node["urgency"] ? urgency_ref(node["urgency"]) : -1;
        out.name = text(node, "name");
        out.advice = text(node, "advice");
        out.ask = text(node, "ask");
    }

    bool load_named_text(const YAML::Node &node, NamedText &out) {
        if (!expect_map(node, "an entry")) {
            return false;
        }
        check_keys(node, {"name", "description"}, {"name", "description"});
        out.name = text(node, "name");
        out.description = text(node, "description");
        return !out.name.empty();
    }

    // --- history (saved checks, changes, the visit report) -----------------

    // A question id of the given type (any type when `type` is empty), or -1.
    int question_ref(const YAML::Node &node, const std::string &what,
                     std::optional<QuestionType> type = std::nullopt) {
        if (!node.IsScalar()) {
            error(node, what + " must be a question id");
            return -1;
        }
        int index = m_rules->question_index(node.Scalar());
        if (index < 0) {
            error(node, "unknown question '" + node.Scalar() + "'" +
                            did_you_mean(node.Scalar(), m_rules->question_ids()));
        } else if (type && m_rules->questions[static_cast<std::size_t>(index)].type != *type) {
            error(node, what + " must be a " + question_type_name(*type) + " question");
            return -1;
        }
        return index;
    }

    int optional_question(const YAML::Node &map, const char *key,
                          std::optional<QuestionType> type = std::nullopt) {
        return map[key] ? question_ref(map[key], std::string("'") + key + "'", type) : -1;
    }

    bool load_watch(const YAML::Node &node, Watch &out) {
        if (!expect_map(node, "a watched question")) {
            return false;
        }
        check_keys(node, {"question", "change", "by", "implies"}, {"question", "change"});
        out.mark = mark_of(node);
        out.question = optional_question(node, "question");
        std::string change = text(node, "change");
        if (change == "became_yes") {
            out.kind = WatchKind::became_yes;
            if (out.question >= 0 &&
                m_rules->questions[static_cast<std::size_t>(out.question)].type !=
                    QuestionType::yes_no) {
                error(node["question"], "'became_yes' watches a yes_no question");
            }
        } else if (change == "rose_by") {
            out.kind = WatchKind::rose_by;
            if (!node["by"]) {
                error(node, "'rose_by' needs 'by', the least rise worth noticing");
            } else {
                out.by = number(node["by"], "'by'").value_or(0);
            }
        } else if (node["change"]) {
            error(node["change"], "unknown change '" + change + "'; use became_yes or rose_by");
        }
        out.implies = optional_question(node, "implies", QuestionType::yes_no);
        return out.question >= 0;
    }

    void load_history(const YAML::Node &node, HistoryRules &out) {
        if (!expect_map(node, "'history'")) {
            return;
        }
        check_keys(node,
                   {"watch", "ask_again", "duration", "episode_gap_weeks", "pain_score", "body_map",
                    "visit_questions"},
                   {});
        load_list(node, "watch", out.watch, &Loader::load_watch);
        if (node["ask_again"] && node["ask_again"].IsSequence()) {
            for (const auto &item : node["ask_again"]) {
                int index = question_ref(item, "each item of 'ask_again'");
                if (index >= 0) {
                    out.ask_again.push_back(index);
                }
            }
        } else if (node["ask_again"]) {
            error(node["ask_again"], "'ask_again' must be a list of question ids");
        }
        out.duration = optional_question(node, "duration");
        if (node["episode_gap_weeks"]) {
            out.episode_gap_weeks =
                number(node["episode_gap_weeks"], "'episode_gap_weeks'").value_or(0);
        }
        out.pain_score = optional_question(node, "pain_score");
        if (const YAML::Node body = node["body_map"]; body && expect_map(body, "'body_map'")) {
            check_keys(body, {"back", "buttock", "leg", "below_knee", "side"}, {});
            out.body.back = optional_question(body, "back", QuestionType::yes_no);
            out.body.buttock = optional_question(body, "buttock", QuestionType::yes_no);
            out.body.leg = optional_question(body, "leg", QuestionType::yes_no);
            out.body.below_knee = optional_question(body, "below_knee", QuestionType::yes_no);
            out.body.side = optional_question(body, "side", QuestionType::choice);
        }
        out.visit_questions = text_list(node, "visit_questions");
    }

    // --- conditions ---------------------------------------------------------

    Condition condition(const YAML::Node &node, int depth) {
        Condition out;
        out.mark = mark_of(node);
        if (depth > k_max_condition_depth) {
            error(node, "condition nested more than " + std::to_string(k_max_condition_depth) +
                            " levels deep");
            return out;
        }
        if (!node.IsMap() || node.size() == 0) {
            error(node, "a condition must be a mapping: all, any, not, or q with an operator");
            return out;
        }
        for (const char *combinator : {"all", "any"}) {
            if (!node[combinator]) {
                continue;
            }
            check_keys(node, {combinator}, {});
            out.kind =
                std::string(combinator) == "all" ? Condition::Kind::all : Condition::Kind::any;
            YAML::Node list = node[combinator];
            if (!list.IsSequence() || list.size() == 0) {
                error(list,
                      std::string("'") + combinator + "' takes a non-empty list of conditions");
                return out;
            }
            for (const auto &child : list) {
                out.children.push_back(condition(child, depth + 1));
            }
            return out;
        }
        if (node["not"]) {
            check_keys(node, {"not"}, {});
            out.kind = Condition::Kind::negate;
            out.children.push_back(condition(node["not"], depth + 1));
            return out;
        }
        return comparison(node);
    }

    Condition comparison(const YAML::Node &node) {
        static const std::vector<std::pair<std::string, CompareOp>> ops = {
            {"eq", CompareOp::eq}, {"ne", CompareOp::ne}, {"lt", CompareOp::lt},
            {"le", CompareOp::le}, {"gt", CompareOp::gt}, {"ge", CompareOp::ge},
            {"in", CompareOp::in}};
        std::vector<std::string> known = {"q", "all", "any", "not"};
        for (const auto &op : ops) {
            known.push_back(op.first);
        }
        Condition out;
        out.kind = Condition::Kind::compare;
        out.mark = mark_of(node);
        check_keys(node, known, {"q"});
        YAML::Node operand;
        int operators = 0;
        for (const auto &op : ops) {
            if (node[op.first]) {
                out.op = op.second;
                operand = node[op.first];
                ++operators;
            }
        }
        if (operators != 1) {
            error(node, "a comparison needs exactly one of eq, ne, lt, le, gt, ge, in");
            return out;
        }
        YAML::Node q = node["q"];
        if (!q || !q.IsScalar()) {
            return out; // reported by check_keys, or:
        }
        out.question = m_rules->question_index(q.Scalar());
        if (out.question < 0) {
            error(q, "unknown question '" + q.Scalar() + "'" +
                         did_you_mean(q.Scalar(), m_rules->question_ids()));
            return out;
        }
        const Question &question = m_rules->questions[static_cast<std::size_t>(out.question)];
        if (out.op == CompareOp::in) {
            if (!operand.IsSequence() || operand.size() == 0) {
                error(operand, "'in' takes a non-empty list of values");
                return out;
            }
            if (operand.size() > k_max_in_values) {
                error(operand, "'in' has " + std::to_string(operand.size()) +
                                   " values; a list may have at most " +
                                   std::to_string(k_max_in_values));
                return out;
            }
            for (const auto &item : operand) {
                if (auto value = answer_value(question, item)) {
                    out.values.push_back(*value);
                }
            }
            // Sorted and unique, as evaluation's binary search needs.
            std::sort(out.values.begin(), out.values.end());
            out.values.erase(std::unique(out.values.begin(), out.values.end()), out.values.end());
        } else if (auto value = answer_value(question, operand)) {
            out.values.push_back(*value);
        }
        bool ordered = out.op == CompareOp::lt || out.op == CompareOp::le ||
                       out.op == CompareOp::gt || out.op == CompareOp::ge;
        if (ordered &&
            (question.type == QuestionType::yes_no || question.type == QuestionType::choice)) {
            error(node, std::string("a ") + question_type_name(question.type) +
                            " question such as '" + question.id +
                            "' can only be compared with eq, ne or in");
        }
        if (out.values.empty()) {
            out.question = -1; // unusable; an error was reported
        }
        return out;
    }

    // The numeric form of a constant compared with `question`, checked
    // against the question's type, options and range.
    std::optional<double> answer_value(const Question &question, const YAML::Node &node) {
        switch (question.type) {
        case QuestionType::yes_no: {
            if (node.IsScalar() && node.Tag() == "?" &&
                (node.Scalar() == "true" || node.Scalar() == "false")) {
                return node.Scalar() == "true" ? 1.0 : 0.0;
            }
            error(node,
                  "'" + question.id + "' is a yes_no question: compare it with true or false");
            return std::nullopt;
        }
        case QuestionType::choice: {
            if (node.IsScalar()) {
                const auto &options = question.options;
                auto it = std::find(options.begin(), options.end(), node.Scalar());
                if (it != options.end()) {
                    return static_cast<double>(it - options.begin());
                }
                error(node, "'" + node.Scalar() + "' is not an option of '" + question.id + "'" +
                                did_you_mean(node.Scalar(), options));
                return std::nullopt;
            }
            error(node, "'" + question.id + "' is a choice question: compare it with an option");
            return std::nullopt;
        }
        case QuestionType::integer:
        case QuestionType::number: {
            auto value =
                number(node, "'" + question.id + "' is a " + question_type_name(question.type) +
                                 " question: the value");
            if (!value) {
                return std::nullopt;
            }
            if ((question.min && *value < *question.min) ||
                (question.max && *value > *question.max)) {
                error(node, format_number(*value) + " is outside the range of '" + question.id +
                                "' (" + range_text(question) + ")");
                return std::nullopt;
            }
            return value;
        }
        }
        return std::nullopt;
    }

    static std::string range_text(const Question &question) {
        std::string low = question.min ? format_number(*question.min) : "";
        std::string high = question.max ? format_number(*question.max) : "";
        if (!question.max) {
            return low + " or more";
        }
        if (!question.min) {
            return high + " or less";
        }
        return low + " to " + high;
    }
};

} // namespace

LoadResult parse_rules(std::string_view text, const std::string &file_name) {
    LoadResult result;
    if (auto problem = check_yaml_input(text, file_name)) {
        result.diagnostics.push_back(*problem);
        return result;
    }
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception &e) {
        result.diagnostics.push_back({Diagnostic::Severity::error, file_name,
                                      e.mark.is_null() ? 0 : e.mark.line + 1,
                                      e.mark.is_null() ? 0 : e.mark.column + 1, e.msg});
        return result;
    }
    if (!root || root.IsNull()) {
        result.diagnostics.push_back(
            {Diagnostic::Severity::error, file_name, 0, 0, "the rule set is empty"});
        return result;
    }
    RuleSet rules;
    try {
        Loader(file_name, result.diagnostics).load(root, rules);
    } catch (const YAML::Exception &e) {
        result.diagnostics.push_back({Diagnostic::Severity::error, file_name,
                                      e.mark.is_null() ? 0 : e.mark.line + 1,
                                      e.mark.is_null() ? 0 : e.mark.column + 1, e.msg});
    }
    if (!has_errors(result.diagnostics)) {
        // What loads may still be wrong in ways only the whole set shows (a
        // condition that can never hold); its errors refuse the set too.
        lint_rules(rules, file_name, result.diagnostics);
    }
    if (!has_errors(result.diagnostics)) {
        result.rules = std::move(rules);
    }
    return result;
}

RuleSet load_rules(std::string_view text, const std::string &file_name) {
    LoadResult result = parse_rules(text, file_name);
    for (const auto &diagnostic : result.diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::error) {
            throw Error(ErrorKind::data, diagnostic.without_severity());
        }
    }
    return std::move(*result.rules);
}

RuleSet load_rules_file(const std::string &path) {
    return load_rules(read_file(path, k_max_rules_bytes, "a rule file"), path);
}

} // namespace sciatica
