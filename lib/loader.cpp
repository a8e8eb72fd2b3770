#include "lib/loader.hpp"

#include "lib/catalog_reader.hpp"
#include "lib/condition_reader.hpp"
#include "lib/error.hpp"
#include "lib/history_reader.hpp"
#include "lib/limits.hpp"
#include "lib/lint.hpp"
#include "lib/text_util.hpp"
#include "lib/wording_reader.hpp"
#include "lib/yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

namespace sciatica {

namespace {

template <typename T, typename = void> struct HasId : std::false_type {};
template <typename T> struct HasId<T, std::void_t<decltype(T::id)>> : std::true_type {};

// Reads one YAML document into a RuleSet, collecting every problem it can
// find rather than stopping at the first, so that an author fixes them all in
// one pass.
class Loader {
  public:
    Loader(std::string file, std::vector<Diagnostic> &diagnostics)
        : m_in(std::move(file), diagnostics) {}

    void load(const YAML::Node &root, RuleSet &rules) {
        if (!m_in.expect_map(root, "the rule set")) {
            return;
        }
        m_in.check_keys(
            root,
            {"format", "title", "version", "notice", "about", "texts", "emergency_signs",
             "urgencies", "questions", "red_flags", "urgency_rules", "causes_when", "causes",
             "techniques", "treatments", "equipment", "incomplete_screen", "leading_causes",
             "history", "implications", "flag_families", "question_groups"},
            {"format", "notice", "urgencies", "questions", "red_flags", "causes", "techniques"});
        std::string format = m_in.text(root, "format");
        if (root["format"] && format != k_rules_format) {
            m_in.error(root["format"], "unsupported format '" + format + "' (this build reads '" +
                                           k_rules_format + "')");
        }
        rules.title = m_in.text(root, "title");
        rules.version = m_in.text(root, "version");
        rules.notice = m_in.text(root, "notice");
        if (root["notice"] && rules.notice.empty()) {
            m_in.error(root["notice"], "the practitioner notice must not be empty");
        }
        if (root["about"]) {
            read_about(m_in, root["about"], rules.about);
        }
        if (root["texts"]) {
            read_texts(m_in, root["texts"], rules.texts);
        }
        rules.emergency_signs = m_in.text_list(root, "emergency_signs");
        load_list(root, "urgencies", rules.urgencies, &Loader::load_urgency);
        if (root["urgencies"] && rules.urgencies.empty()) {
            m_in.error(root["urgencies"], "at least one urgency level is needed");
        }
        m_rules = &rules;
        // Questions name their group, so groups come first.
        load_list(root, "question_groups", rules.question_groups, &Loader::load_question_group);
        load_list(root, "questions", rules.questions, &Loader::load_question);
        // Conditions refer to questions, so questions come first whatever
        // order the file has them in; ask_when is read in a second pass so a
        // question may depend on a later one.
        load_ask_when(root);
        load_list(root, "implications", rules.implications, &Loader::load_implication);
        load_list(root, "red_flags", rules.red_flags, &Loader::load_rule);
        load_list(root, "urgency_rules", rules.urgency_rules, &Loader::load_rule);
        check_unique_ids(root, "red_flags", "urgency_rules");
        if (root["causes_when"]) {
            rules.causes_when = condition(root["causes_when"]);
        }
        load_list(root, "causes", rules.causes, &Loader::load_cause);
        // Techniques refer to equipment, so it comes first.
        load_list(root, "equipment", rules.equipment, &Loader::load_equipment);
        load_list(root, "techniques", rules.techniques, &Loader::load_technique);
        load_list(root, "treatments", rules.treatments, &Loader::load_treatment);
        if (root["incomplete_screen"]) {
            load_incomplete_screen(root["incomplete_screen"], rules.incomplete_screen);
        }
        if (YAML::Node leading = root["leading_causes"]) {
            auto value = m_in.number(leading, "'leading_causes'");
            if (value && (*value < 1 || *value > 10 || *value != static_cast<int>(*value))) {
                m_in.error(leading, "'leading_causes' must be a whole number from 1 to 10");
            } else if (value) {
                rules.leading_causes = static_cast<int>(*value);
            }
        }
        if (root["history"]) {
            HistoryReader(m_in, *m_rules).read(root["history"], rules.history);
        }
        load_list(root, "flag_families", rules.flag_families, &Loader::load_flag_family);
    }

    YamlReader m_in;
    RuleSet *m_rules = nullptr;

    Condition condition(const YAML::Node &node) {
        return ConditionReader(m_in, *m_rules).read(node);
    }

    int urgency_ref(const YAML::Node &node) {
        return m_in.reference(node, m_rules->urgency_ids(), "urgency");
    }

    template <typename T>
    void load_list(const YAML::Node &root, const char *key, std::vector<T> &out,
                   bool (Loader::*load_one)(const YAML::Node &, T &)) {
        YAML::Node list = root[key];
        if (!list) {
            return;
        }
        if (!list.IsSequence()) {
            m_in.error(list, std::string("'") + key + "' must be a list");
            return;
        }
        if (list.size() > k_max_list_entries) {
            m_in.error(list, std::string("'") + key + "' has " + std::to_string(list.size()) +
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
                    m_in.error(item["id"], "duplicate id '" + value.id + "' in '" + key + "'");
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
                    m_in.error(item["id"], "duplicate id '" + rule.id + "': already a red flag");
                }
            }
        }
    }

    bool load_urgency(const YAML::Node &node, UrgencyLevel &out) {
        if (!m_in.expect_map(node, "an urgency level")) {
            return false;
        }
        m_in.check_keys(node, {"id", "name", "advice", "self_care", "ends_interview"},
                        {"id", "name", "advice", "self_care"});
        out.id = m_in.id(node);
        out.mark = mark_of(node);
        out.name = m_in.text(node, "name");
        out.advice = m_in.text(node, "advice");
        if (node["self_care"]) {
            out.self_care = m_in.boolean(node["self_care"], "'self_care'").value_or(false);
        }
        if (node["ends_interview"]) {
            out.ends_interview =
                m_in.boolean(node["ends_interview"], "'ends_interview'").value_or(false);
        }
        return !out.id.empty();
    }

    bool load_question(const YAML::Node &node, Question &out) {
        if (!m_in.expect_map(node, "a question")) {
            return false;
        }
        m_in.check_keys(node,
                        {"id", "type", "prompt", "help", "min", "max", "options", "unit", "says",
                         "says_yes", "says_no", "ask_when", "prompt_for", "recap", "recap_text",
                         "always_ask", "group"},
                        {"id", "type", "prompt"});
        out.id = m_in.id(node);
        out.mark = mark_of(node);
        out.prompt = m_in.text(node, "prompt");
        out.help = m_in.text(node, "help");
        std::string type = m_in.text(node, "type");
        std::vector<std::string> types;
        bool known = false;
        for (QuestionType candidate : question_types()) {
            types.emplace_back(question_type_name(candidate));
            if (type == types.back()) {
                out.type = candidate;
                known = true;
            }
        }
        if (!known && node["type"]) {
            m_in.error(node["type"], "unknown question type '" + type + "'" +
                                         did_you_mean(type, types) + "; use " + or_list(types));
        }
        bool numeric = out.type == QuestionType::integer || out.type == QuestionType::number;
        for (const char *bound : {"min", "max"}) {
            if (!node[bound]) {
                continue;
            }
            if (!numeric) {
                m_in.error(node[bound], std::string("'") + bound +
                                            "' applies only to integer and " + "number questions");
                continue;
            }
            auto value = m_in.number(node[bound], std::string("'") + bound + "'");
            (std::string(bound) == "min" ? out.min : out.max) = value;
        }
        if (out.min && out.max && *out.min > *out.max) {
            m_in.error(node["min"], "'min' is greater than 'max'");
        }
        if (out.type == QuestionType::choice) {
            out.options = m_in.text_list(node, "options");
            if (out.options.empty()) {
                m_in.error(node, "a choice question needs a list of 'options'");
            }
            std::set<std::string> unique(out.options.begin(), out.options.end());
            if (unique.size() != out.options.size()) {
                m_in.error(node["options"], "the options of '" + out.id + "' repeat a value");
            }
        } else if (node["options"]) {
            m_in.error(node["options"], "'options' applies only to choice questions");
        }
        read_unit(m_in, node, out);
        read_says(m_in, node, out);
        if (YAML::Node group = node["group"]) {
            std::vector<std::string> ids;
            for (const auto &known_group : m_rules->question_groups) {
                ids.push_back(known_group.id);
            }
            out.group = m_in.reference(group, ids, "question group");
            if (out.group >= 0 && out.type != QuestionType::yes_no) {
                m_in.error(group, "'group' applies only to yes_no questions");
                out.group = -1;
            }
        }
        out.recap_text = m_in.text(node, "recap_text");
        if (node["always_ask"]) {
            out.always_ask = m_in.boolean(node["always_ask"], "'always_ask'").value_or(false);
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
                    condition(node["ask_when"]);
            }
        }
        for (const auto &node : list) {
            if (node.IsMap() && node["id"] && node["id"].IsScalar()) {
                int index = m_rules->question_index(node["id"].Scalar());
                if (index >= 0) {
                    load_question_refs(node, m_rules->questions[static_cast<std::size_t>(index)]);
                }
            }
        }
    }

    // The parts of a question that refer to other questions: its other
    // wordings and the answers it says back.
    void load_question_refs(const YAML::Node &node, Question &out) {
        if (YAML::Node variants = node["prompt_for"]; variants && !variants.IsSequence()) {
            m_in.error(variants, "'prompt_for' must be a list of {when, prompt}");
        } else if (variants) {
            for (const auto &item : variants) {
                if (!m_in.expect_map(item, "a 'prompt_for' entry")) {
                    continue;
                }
                m_in.check_keys(item, {"when", "prompt"}, {"when", "prompt"});
                if (item["when"] && item["prompt"]) {
                    out.prompt_for.push_back({condition(item["when"]), m_in.text(item, "prompt")});
                }
            }
        }
        if (YAML::Node recap = node["recap"]; recap && !recap.IsSequence()) {
            m_in.error(recap, "'recap' must be a list of question ids");
        } else if (recap) {
            for (const auto &item : recap) {
                int index = m_in.reference(item, m_rules->question_ids(), "question");
                if (index >= 0 &&
                    m_rules->questions[static_cast<std::size_t>(index)].type !=
                        QuestionType::yes_no) {
                    m_in.error(item, "'recap' lists yes/no questions only");
                } else if (index >= 0) {
                    out.recap.push_back(index);
                }
            }
            if (!out.recap.empty() && out.recap_text.find("{answers}") == std::string::npos) {
                m_in.error(recap, "a question with 'recap' needs a 'recap_text' holding "
                                  "\"{answers}\"");
            }
        }
    }

    bool load_implication(const YAML::Node &node, Implication &out) {
        if (!m_in.expect_map(node, "an implication")) {
            return false;
        }
        m_in.check_keys(node, {"id", "when", "implies", "overrides", "source"},
                        {"id", "when", "implies", "source"});
        out.id = m_in.id(node);
        out.mark = mark_of(node);
        out.source = m_in.text(node, "source");
        if (node["overrides"]) {
            out.overrides = m_in.boolean(node["overrides"], "'overrides'").value_or(false);
        }
        if (node["when"]) {
            out.when = condition(node["when"]);
        }
        if (YAML::Node implies = node["implies"]) {
            Condition answer = condition(implies);
            if (answer.kind != Condition::Kind::compare || answer.op != CompareOp::eq ||
                answer.values.size() != 1) {
                m_in.error(implies, "'implies' must be one answer: {q: ID, eq: VALUE}");
                return false;
            }
            out.question = answer.question;
            out.value = answer.values.front();
        }
        return !out.id.empty() && node["when"] && out.question >= 0;
    }

    bool load_rule(const YAML::Node &node, UrgencyRule &out) {
        if (!m_in.expect_map(node, "a rule")) {
            return false;
        }
        m_in.check_keys(node,
                        {"id", "name", "urgency", "when", "unless", "context", "advice", "source"},
                        {"id", "name", "urgency", "when", "advice"});
        out.id = m_in.id(node);
        out.mark = mark_of(node);
        out.name = m_in.text(node, "name");
        out.advice = m_in.text(node, "advice");
        out.urgency = node["urgency"] ? urgency_ref(node["urgency"]) : -1;
        out.source = m_in.text(node, "source");
        if (node["when"]) {
            out.when = condition(node["when"]);
        }
        if (node["unless"]) {
            out.unless = condition(node["unless"]);
        }
        if (YAML::Node context = node["context"]; context && !context.IsSequence()) {
            m_in.error(context, "'context' must be a list of conditions");
        } else if (context) {
            for (const auto &item : context) {
                out.context.push_back(condition(item));
            }
        }
        return !out.id.empty() && out.urgency >= 0 && node["when"];
    }

    bool load_cause(const YAML::Node &node, Cause &out) {
        if (!m_in.expect_map(node, "a cause")) {
            return false;
        }
        m_in.check_keys(node,
                        {"id", "name", "summary", "description", "signs", "diagnosis",
                         "usual_urgency", "source", "requires", "findings", "leads_when"},
                        {"id", "name", "summary", "description", "source", "findings"});
        out.id = m_in.id(node);
        out.mark = mark_of(node);
        out.name = m_in.text(node, "name");
        out.summary = m_in.text(node, "summary");
        out.description = m_in.text(node, "description");
        out.signs = m_in.text_list(node, "signs");
        out.diagnosis = m_in.text(node, "diagnosis");
        out.usual_urgency =
            node["usual_urgency"] ? urgency_ref(node["usual_urgency"]) : m_rules->default_urgency();
        out.source = m_in.text(node, "source");
        if (node["requires"]) {
            out.requires_ = condition(node["requires"]);
        }
        if (node["leads_when"]) {
            out.leads_when = condition(node["leads_when"]);
        }
        YAML::Node findings = node["findings"];
        if (findings && !findings.IsSequence()) {
            m_in.error(findings, "'findings' must be a list");
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
                m_in.error(findings, "cause '" + out.id + "' has no finding that supports it");
            }
        }
        return !out.id.empty();
    }

    bool load_finding(const YAML::Node &node, Finding &out) {
        if (!m_in.expect_map(node, "a finding")) {
            return false;
        }
        m_in.check_keys(node, {"when", "weight"}, {"when", "weight"});
        out.mark = mark_of(node);
        if (node["weight"]) {
            out.weight = m_in.number(node["weight"], "'weight'").value_or(0);
            if (out.weight == 0) {
                m_in.error(node["weight"], "a finding's weight must not be zero");
            }
        }
        if (!node["when"]) {
            return false;
        }
        out.when = condition(node["when"]);
        return true;
    }

    bool load_technique(const YAML::Node &node, Technique &out) {
        if (!m_in.expect_map(node, "a technique")) {
            return false;
        }
        m_in.check_keys(node,
                        {"id", "name", "summary", "source", "when", "unless", "not_at",
                         "not_with_causes", "only_with_causes", "steps", "cautions",
                         "equipment"},
                        {"id", "name", "summary", "steps"});
        out.id = m_in.id(node);
        out.mark = mark_of(node);
        out.name = m_in.text(node, "name");
        out.summary = m_in.text(node, "summary");
        out.steps = m_in.text_list(node, "steps");
        if (node["steps"] && out.steps.empty()) {
            m_in.error(node["steps"], "a technique needs at least one step");
        }
        out.cautions = m_in.text_list(node, "cautions");
        out.source = m_in.text(node, "source");
        load_equipment_refs(node, out);
        if (node["when"]) {
            out.when = condition(node["when"]);
        }
        if (node["unless"]) {
            out.unless = condition(node["unless"]);
        }
        load_cause_refs(node, "not_with_causes", out.not_with_causes);
        load_cause_refs(node, "only_with_causes", out.only_with_causes);
        YAML::Node not_at = node["not_at"];
        if (not_at && !not_at.IsSequence()) {
            m_in.error(not_at, "'not_at' must be a list of urgency ids");
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

    void load_cause_refs(const YAML::Node &node, const char *key, std::vector<int> &out) {
        YAML::Node causes = node[key];
        if (causes && !causes.IsSequence()) {
            m_in.error(causes, std::string("'") + key + "' must be a list of cause ids");
        } else if (causes) {
            for (const auto &item : causes) {
                int index = m_in.reference(item, m_rules->cause_ids(), "cause");
                if (index >= 0) {
                    out.push_back(index);
                }
            }
        }
    }

    void load_incomplete_screen(const YAML::Node &node, IncompleteScreen &out) {
        if (!m_in.expect_map(node, "'incomplete_screen'")) {
            return;
        }
        m_in.check_keys(node, {"urgency", "name", "advice", "ask"},
                        {"urgency", "name", "advice", "ask"});
        out.urgency = node["urgency"] ? urgency_ref(node["urgency"]) : -1;
        out.name = m_in.text(node, "name");
        out.advice = m_in.text(node, "advice");
        out.ask = m_in.text(node, "ask");
    }

    // A technique's `equipment`: ids of the rule set's equipment.
    void load_equipment_refs(const YAML::Node &node, Technique &out) {
        YAML::Node list = node["equipment"];
        if (list && !list.IsSequence()) {
            m_in.error(list, "'equipment' must be a list of equipment ids");
        } else if (list) {
            for (const auto &item : list) {
                int index = m_in.reference(item, m_rules->equipment_ids(), "equipment");
                if (index >= 0) {
                    out.equipment_refs.push_back(index);
                    out.equipment.push_back(
                        m_rules->equipment[static_cast<std::size_t>(index)].name);
                }
            }
        }
    }

    bool load_treatment(const YAML::Node &node, Treatment &out) {
        return read_treatment(m_in, node, out);
    }

    bool load_equipment(const YAML::Node &node, Equipment &out) {
        return read_equipment(m_in, node, out);
    }

    // Yes/no questions asked on one screen: an id and the prompt above them.
    bool load_question_group(const YAML::Node &node, QuestionGroup &out) {
        if (!m_in.expect_map(node, "a question group")) {
            return false;
        }
        m_in.check_keys(node, {"id", "prompt"}, {"id", "prompt"});
        out.id = m_in.id(node);
        out.prompt = m_in.text(node, "prompt");
        return true;
    }

    // A family of red flags said together when not ruled out: a name and the
    // ids of its flags, each a red flag of this rule set.
    bool load_flag_family(const YAML::Node &node, FlagFamily &out) {
        if (!m_in.expect_map(node, "a flag family")) {
            return false;
        }
        m_in.check_keys(node, {"name", "flags"}, {"name", "flags"});
        out.name = m_in.text(node, "name");
        std::vector<std::string> ids;
        for (const auto &flag : m_rules->red_flags) {
            ids.push_back(flag.id);
        }
        YAML::Node flags = node["flags"];
        if (flags && !flags.IsSequence()) {
            m_in.error(flags, "'flags' of a flag family must be a list of red flag ids");
            return false;
        }
        for (const auto &flag : flags) {
            int index = m_in.reference(flag, ids, "red flag");
            if (index >= 0) {
                out.flags.push_back(index);
            }
        }
        return true;
    }
};

} // namespace

LoadResult parse_rules(std::string_view text, const std::string &file_name) {
    LoadResult result;
    YAML::Node root;
    if (!YamlReader(file_name, result.diagnostics).load(text, YamlReader::Input::rules, root)) {
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
            throw Error(ErrorKind::data, diagnostic.without_severity(),
                        source_excerpt(diagnostic, text));
        }
    }
    return std::move(*result.rules);
}

RuleSet load_rules_file(const std::string &path) {
    return load_rules(read_file(path, k_max_rules_bytes, "a rule file"), path);
}

} // namespace sciatica