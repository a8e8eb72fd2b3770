#include "lib/vignette.hpp"

#include "lib/answers.hpp"
#include "lib/answers_yaml.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/text_util.hpp"
#include "lib/yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

namespace sciatica {

namespace {

std::vector<std::string> rule_ids(const std::vector<UrgencyRule> &rules) {
    std::vector<std::string> out;
    for (const auto &rule : rules) {
        out.push_back(rule.id);
    }
    return out;
}

// Reads vignettes, stopping at the first problem: a vignette file is small
// and a wrong case must not pass for a right one.
class VignetteParser {
  public:
    VignetteParser(const std::string &file, const RuleSet &rules)
        : m_in(file, m_diagnostics, YamlReader::Mode::stop), m_rules(rules) {}

    std::vector<Vignette> parse(std::string_view text) {
        YAML::Node root;
        m_in.load(text, YamlReader::Input::vignettes, root);
        if (!root.IsSequence() || root.size() == 0) {
            m_in.fail(root, "a vignette file is a non-empty list of cases");
        }
        std::vector<Vignette> out;
        for (const auto &node : root) {
            out.push_back(parse_case(node));
        }
        return out;
    }

  private:
    std::vector<Diagnostic> m_diagnostics;
    YamlReader m_in;
    const RuleSet &m_rules;

    // A scalar that must be one of `ids`, named `what` in errors.
    std::string known_id(const YAML::Node &node, const std::vector<std::string> &ids,
                         const std::string &what) {
        return ids[static_cast<std::size_t>(m_in.reference(node, ids, what))];
    }

    std::vector<std::string> id_list(const YAML::Node &node, const std::vector<std::string> &ids,
                                     const std::string &what) {
        if (!node.IsSequence()) {
            m_in.fail(node, "a list of " + what + " ids is expected");
        }
        if (node.size() == 0) {
            // Every check over an empty list passes, whatever the result.
            m_in.fail(node, "an empty list of " + what +
                                " ids checks nothing; list at least one or leave the key out");
        }
        std::vector<std::string> out;
        for (const auto &item : node) {
            out.push_back(known_id(item, ids, what));
        }
        return out;
    }

    Vignette parse_case(const YAML::Node &node) {
        if (!node.IsMap()) {
            m_in.fail(node, "a case must be a mapping with name, answers and expect");
        }
        m_in.check_keys(node, {"name", "answers", "expect", "via", "source", "note", "others_no"});
        Vignette out;
        out.file = m_in.file();
        out.mark = mark_of(node);
        if (!node["name"]) {
            m_in.fail(node, "a case needs a 'name'");
        }
        out.name = *m_in.scalar(node["name"], "'name'");
        if (!node["answers"] || !node["answers"].IsMap()) {
            m_in.fail(node["answers"] ? node["answers"] : node,
                      "a case needs 'answers', a mapping of question id to value");
        }
        out.answers = read_answers(m_in, node["answers"], m_rules);
        if (node["source"]) {
            out.source = *m_in.scalar(node["source"], "'source'");
        }
        if (YAML::Node others = node["others_no"]; others && *m_in.boolean(others, "'others_no'")) {
            answer_warning_signs_no(out.answers);
        }
        if (node["expect"]) {
            out.expect = expectation(node["expect"]);
        }
        return out;
    }

    // `others_no`: every yes/no question that a red flag's condition reads,
    // and that the case leaves unanswered, is answered no.
    void answer_warning_signs_no(Answers &answers) const {
        std::vector<int> read;
        for (const auto &flag : m_rules.red_flags) {
            questions_of(flag.when, read);
        }
        for (int q : read) {
            auto index = static_cast<std::size_t>(q);
            if (m_rules.questions[index].type == QuestionType::yes_no && !answers[index]) {
                answers[index] = 0;
            }
        }
    }

    Expectation expectation(const YAML::Node &node) {
        if (!node.IsMap()) {
            m_in.fail(node, "'expect' must be a mapping");
        }
        m_in.check_keys(node, {"urgency", "urgency_at_least", "urgency_at_most", "top_cause",
                               "top2_any", "red_flags_include", "red_flags_exclude",
                               "unanswered_include", "no_causes", "no_techniques",
                               "techniques_include", "techniques_exclude"});
        if (node.size() == 0) {
            m_in.fail(node, "'expect' is empty, so the case checks nothing; give at least one "
                            "expectation or leave 'expect' out");
        }
        Expectation out;
        if (node["urgency"]) {
            out.urgency = known_id(node["urgency"], m_rules.urgency_ids(), "urgency");
        }
        if (node["urgency_at_least"]) {
            out.urgency_at_least =
                known_id(node["urgency_at_least"], m_rules.urgency_ids(), "urgency");
        }
        if (node["urgency_at_most"]) {
            out.urgency_at_most =
                known_id(node["urgency_at_most"], m_rules.urgency_ids(), "urgency");
        }
        if (node["red_flags_exclude"]) {
            out.red_flags_exclude =
                id_list(node["red_flags_exclude"], rule_ids(m_rules.red_flags), "red flag");
        }
        for (auto [key, list] : {std::pair{"techniques_include", &out.techniques_include},
                                 std::pair{"techniques_exclude", &out.techniques_exclude}}) {
            if (node[key]) {
                *list = id_list(node[key], m_rules.technique_ids(), "technique");
            }
        }
        if (YAML::Node flag = node["no_techniques"]) {
            out.no_techniques = *m_in.boolean(flag, "'no_techniques'");
        }
        if (node["top_cause"]) {
            out.top_cause = known_id(node["top_cause"], m_rules.cause_ids(), "cause");
        }
        if (node["top2_any"]) {
            out.top2_any = id_list(node["top2_any"], m_rules.cause_ids(), "cause");
        }
        if (node["red_flags_include"]) {
            out.red_flags_include =
                id_list(node["red_flags_include"], rule_ids(m_rules.red_flags), "red flag");
        }
        if (node["unanswered_include"]) {
            out.unanswered_include =
                id_list(node["unanswered_include"], m_rules.question_ids(), "question");
        }
        if (YAML::Node flag = node["no_causes"]) {
            out.no_causes = *m_in.boolean(flag, "'no_causes'");
        }
        return out;
    }
};

std::string quoted_list(const std::vector<std::string> &ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out += (i ? ", " : "") + ids[i];
    }
    return out + "]";
}

bool contains(const std::vector<std::string> &ids, const std::string &id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A red flag `wanted` is among `ids` as itself or as an id that extends it.
bool has_flag(const std::vector<std::string> &ids, const std::string &wanted) {
    return std::any_of(ids.begin(), ids.end(), [&](const std::string &id) {
        return id == wanted ||
               (id.size() > wanted.size() && id.compare(0, wanted.size(), wanted) == 0 &&
                id[wanted.size()] == '-');
    });
}

} // namespace

std::vector<Vignette> parse_vignettes(std::string_view text, const std::string &file_name,
                                      const RuleSet &rules) {
    return VignetteParser(file_name, rules).parse(text);
}

std::vector<std::string> check_vignette(const RuleSet &rules, const Vignette &vignette) {
    Result result = evaluate(rules, vignette.answers);
    std::vector<std::string> causes, red_flags, unanswered, techniques;
    for (const auto &cause : result.causes) {
        causes.push_back(cause.cause->id);
    }
    for (const auto &flag : result.red_flags) {
        red_flags.push_back(flag.rule->id);
    }
    for (int q : result.unanswered) {
        unanswered.push_back(rules.questions[static_cast<std::size_t>(q)].id);
    }
    for (const auto *technique : result.techniques) {
        techniques.push_back(technique->id);
    }
    const Expectation &expect = vignette.expect;
    const std::string &urgency = result.urgency_level().id;
    std::vector<std::string> bad;
    if (expect.urgency && urgency != *expect.urgency) {
        bad.push_back("urgency '" + urgency + "', want '" + *expect.urgency + "'");
    }
    if (expect.top_cause && (causes.empty() || causes.front() != *expect.top_cause)) {
        bad.push_back("causes " + quoted_list(causes) + ", want '" + *expect.top_cause + "' first");
    }
    if (!expect.top2_any.empty()) {
        std::vector<std::string> top2(
            causes.begin(),
            causes.begin() + static_cast<long>(std::min<std::size_t>(2, causes.size())));
        bool hit = std::any_of(top2.begin(), top2.end(), [&](const std::string &id) {
            return contains(expect.top2_any, id);
        });
        if (!hit) {
            bad.push_back("causes " + quoted_list(causes) + ", want one of " +
                          quoted_list(expect.top2_any) + " in the first two");
        }
    }
    const int level = result.urgency;
    if (expect.urgency_at_least && level > rules.urgency_index(*expect.urgency_at_least)) {
        bad.push_back("urgency '" + urgency + "', want at least '" + *expect.urgency_at_least +
                      "'");
    }
    if (expect.urgency_at_most && level < rules.urgency_index(*expect.urgency_at_most)) {
        bad.push_back("urgency '" + urgency + "', want at most '" + *expect.urgency_at_most + "'");
    }
    for (const auto &id : expect.red_flags_include) {
        if (!has_flag(red_flags, id)) {
            bad.push_back("red flags " + quoted_list(red_flags) + " lack '" + id + "'");
        }
    }
    for (const auto &id : expect.red_flags_exclude) {
        if (has_flag(red_flags, id)) {
            bad.push_back("red flags " + quoted_list(red_flags) + " include '" + id +
                          "', want it absent");
        }
    }
    if (expect.no_techniques && !techniques.empty()) {
        bad.push_back("techniques " + quoted_list(techniques) + ", want none");
    }
    for (const auto &id : expect.techniques_include) {
        if (!contains(techniques, id)) {
            bad.push_back("techniques " + quoted_list(techniques) + " lack '" + id + "'");
        }
    }
    for (const auto &id : expect.techniques_exclude) {
        if (contains(techniques, id)) {
            bad.push_back("techniques " + quoted_list(techniques) + " include '" + id +
                          "', want it withheld");
        }
    }
    if (!result.screen_complete && result.urgency == rules.default_urgency()) {
        bad.push_back("self-care while warning signs are not ruled out");
    }
    if (!result.screen_complete && !techniques.empty()) {
        bad.push_back("techniques offered while warning signs are not ruled out");
    }
    for (const auto &id : expect.unanswered_include) {
        if (!contains(unanswered, id)) {
            bad.push_back("unanswered " + quoted_list(unanswered) + " lacks '" + id + "'");
        }
    }
    if (expect.no_causes && !causes.empty()) {
        bad.push_back("causes " + quoted_list(causes) + ", want none");
    }
    if (!result.urgency_level().self_care && !techniques.empty()) {
        bad.push_back("techniques " + quoted_list(techniques) + " offered at urgency '" + urgency +
                      "'");
    }
    bool blank = std::all_of(rules.notice.begin(), rules.notice.end(),
                             [](unsigned char c) { return std::isspace(c) != 0; });
    if (blank) {
        bad.push_back("no practitioner notice");
    }
    return bad;
}

Coverage::Coverage(const RuleSet &rules)
    : m_rules(rules), m_red_flags(rules.red_flags.size(), false),
      m_urgency_rules(rules.urgency_rules.size(), false) {
    for (const auto &cause : rules.causes) {
        m_findings.emplace_back(cause.findings.size(), false);
    }
}

void Coverage::add(const Answers &answers) {
    auto mark_rules = [&answers](const std::vector<UrgencyRule> &rules, std::vector<bool> &hit) {
        for (std::size_t i = 0; i < rules.size(); ++i) {
            hit[i] = hit[i] || evaluate(rules[i].when, answers) == Tri::yes;
        }
    };
    mark_rules(m_rules.red_flags, m_red_flags);
    mark_rules(m_rules.urgency_rules, m_urgency_rules);
    for (std::size_t c = 0; c < m_rules.causes.size(); ++c) {
        const auto &findings = m_rules.causes[c].findings;
        for (std::size_t f = 0; f < findings.size(); ++f) {
            m_findings[c][f] = m_findings[c][f] || evaluate(findings[f].when, answers) == Tri::yes;
        }
    }
}

std::vector<std::string> Coverage::unexercised(std::vector<SourceMark> *marks) const {
    std::vector<std::string> out;
    auto note = [&](const std::string &what, const SourceMark &mark) {
        out.push_back(what);
        if (marks) {
            marks->push_back(mark);
        }
    };
    for (std::size_t i = 0; i < m_red_flags.size(); ++i) {
        if (!m_red_flags[i]) {
            note("red flag '" + m_rules.red_flags[i].id + "'", m_rules.red_flags[i].mark);
        }
    }
    for (std::size_t i = 0; i < m_urgency_rules.size(); ++i) {
        if (!m_urgency_rules[i]) {
            note("urgency rule '" + m_rules.urgency_rules[i].id + "'",
                 m_rules.urgency_rules[i].mark);
        }
    }
    for (std::size_t c = 0; c < m_findings.size(); ++c) {
        const Cause &cause = m_rules.causes[c];
        for (std::size_t f = 0; f < m_findings[c].size(); ++f) {
            if (!m_findings[c][f]) {
                note("cause '" + cause.id + "' finding " + std::to_string(f + 1),
                     cause.findings[f].mark);
            }
        }
    }
    return out;
}

std::size_t Coverage::total() const {
    std::size_t n = m_red_flags.size() + m_urgency_rules.size();
    for (const auto &findings : m_findings) {
        n += findings.size();
    }
    return n;
}

std::size_t Coverage::exercised() const {
    return total() - unexercised().size();
}

} // namespace sciatica
