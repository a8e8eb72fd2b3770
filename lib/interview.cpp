#include "lib/interview.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace sciatica {

namespace {

void collect_constants(const Condition &condition, std::vector<std::vector<double>> &out) {
    if (condition.kind == Condition::Kind::compare) {
        auto &values = out[static_cast<std::size_t>(condition.question)];
        values.insert(values.end(), condition.values.begin(), condition.values.end());
        return;
    }
    for (const auto &child : condition.children) {
        collect_constants(child, out);
    }
}

// Every constant each question is compared with, anywhere in the rule set.
std::vector<std::vector<double>> constants_by_question(const RuleSet &rules) {
    std::vector<std::vector<double>> out(rules.questions.size());
    auto add = [&out](const std::optional<Condition> &condition) {
        if (condition) {
            collect_constants(*condition, out);
        }
    };
    for (const auto *list : {&rules.red_flags, &rules.urgency_rules}) {
        for (const auto &rule : *list) {
            collect_constants(rule.when, out);
            add(rule.unless);
            for (const auto &context : rule.context) {
                collect_constants(context, out);
            }
        }
    }
    add(rules.causes_when);
    for (const auto &cause : rules.causes) {
        add(cause.requires_);
        for (const auto &finding : cause.findings) {
            collect_constants(finding.when, out);
        }
    }
    for (const auto &technique : rules.techniques) {
        add(technique.when);
        add(technique.unless);
    }
    for (const auto &question : rules.questions) {
        add(question.ask_when);
    }
    for (const auto &implication : rules.implications) {
        collect_constants(implication.when, out);
    }
    return out;
}

// What an answer must leave alone for its question to be skipped: the urgency,
// the leading causes in order (the rule set says how many lead), and the
// techniques offered.
struct Conclusion {
    int urgency = 0;
    std::vector<const Cause *> leading;
    std::vector<const Technique *> techniques;

    bool operator==(const Conclusion &other) const {
        return urgency == other.urgency && leading == other.leading &&
               techniques == other.techniques;
    }
};

Conclusion conclusion_of(const RuleSet &rules, const Answers &answers) {
    Result result = evaluate(rules, answers);
    Conclusion out{result.urgency, {}, std::move(result.techniques)};
    const auto leading = static_cast<std::size_t>(rules.leading_causes);
    for (std::size_t i = 0; i < result.causes.size() && i < leading; ++i) {
        out.leading.push_back(result.causes[i].cause);
    }
    return out;
}

} // namespace

Interview::Interview(const RuleSet &rules, Answers given)
    : m_rules(rules), m_answers(std::move(given)), m_done(rules.questions.size(), false),
      m_constants(constants_by_question(rules)) {
    m_answers.resize(rules.questions.size());
    for (std::size_t i = 0; i < m_answers.size(); ++i) {
        m_done[i] = m_answers[i].has_value();
    }
}

bool Interview::emergency() const {
    return m_rules.urgencies[static_cast<std::size_t>(urgency_of(m_rules, m_answers))]
        .ends_interview;
}

Answers Interview::effective() const {
    Answers out = m_answers;
    implied_answers(m_rules, out);
    return out;
}

Tri Interview::gate(int question) const {
    const auto &ask_when = m_rules.questions[static_cast<std::size_t>(question)].ask_when;
    return ask_when ? evaluate(*ask_when, effective()) : Tri::yes;
}

bool Interview::applies(int question) const {
    return gate(question) == Tri::yes;
}

const std::string &Interview::prompt(int question) const {
    const Question &q = m_rules.questions[static_cast<std::size_t>(question)];
    if (!q.prompt_for.empty()) {
        Answers now = effective();
        for (const auto &variant : q.prompt_for) {
            if (evaluate(variant.when, now) == Tri::yes) {
                return variant.prompt;
            }
        }
    }
    return q.prompt;
}

std::string Interview::recap(int question) const {
    const Question &q = m_rules.questions[static_cast<std::size_t>(question)];
    Answers now = effective();
    std::string said;
    for (int index : q.recap) {
        const auto &answer = now[static_cast<std::size_t>(index)];
        if (answer && !std::isnan(*answer) && *answer != 0) {
            const Question &sign = m_rules.questions[static_cast<std::size_t>(index)];
            const std::string &text =
                sign.says.size() > 1 && !sign.says[1].empty() ? sign.says[1] : sign.prompt;
            said += (said.empty() ? "" : "; ") + text;
        }
    }
    if (said.empty()) {
        return "";
    }
    std::string out = q.recap_text;
    out.replace(out.find("{answers}"), 9, said);
    return out;
}

std::vector<int> Interview::reopened_by(int question, const Answers &answers) const {
    std::vector<int> out;
    for (std::size_t i = 0; i < m_rules.questions.size(); ++i) {
        const auto &recap = m_rules.questions[i].recap;
        const auto &answer = answers[i];
        if (answer && *answer != 0 &&
            std::find(recap.begin(), recap.end(), question) != recap.end()) {
            out.push_back(static_cast<int>(i));
        }
    }
    return out;
}

int Interview::next() const {
    if (emergency()) {
        return next_unless_question();
    }
    Answers now = effective();
    for (std::size_t i = 0; i < m_rules.questions.size(); ++i) {
        int question = static_cast<int>(i);
        if (m_done[i] || now[i]) {
            continue; // answered, asked, or implied by what was said
        }
        Tri open = gate(question);
        if (open == Tri::yes && (m_rules.questions[i].always_ask || could_matter(question))) {
            return question;
        }
        if (open == Tri::unknown && could_matter_for_safety(question)) {
            return question;
        }
    }
    return -1;
}

std::vector<int> Interview::next_group() const {
    const int first = next();
    if (first < 0) {
        return {};
    }
    const int group = m_rules.questions[static_cast<std::size_t>(first)].group;
    if (group < 0 || emergency()) {
        return {first};
    }
    std::vector<int> out;
    Answers now = effective();
    for (std::size_t i = 0; i < m_rules.questions.size(); ++i) {
        const int question = static_cast<int>(i);
        if (question == first ||
            (m_rules.questions[i].group == group && !m_done[i] && !now[i] && applies(question) &&
             (m_rules.questions[i].always_ask || could_matter(question)))) {
            out.push_back(question);
        }
    }
    return out;
}

int Interview::remaining() const {
    if (emergency()) {
        return next_unless_question() < 0 ? 0 : 1;
    }
    Answers now = effective();
    int count = 0;
    std::vector<bool> group_counted(m_rules.question_groups.size(), false);
    for (std::size_t i = 0; i < m_rules.questions.size(); ++i) {
        int question = static_cast<int>(i);
        const int group = m_rules.questions[i].group;
        if (group >= 0 && group_counted[static_cast<std::size_t>(group)]) {
            continue; // its group's screen is counted already
        }
        if (!m_done[i] && !now[i] && applies(question) &&
            (m_rules.questions[i].always_ask || could_matter(question))) {
            ++count;
            if (group >= 0) {
                group_counted[static_cast<std::size_t>(group)] = true;
            }
        }
    }
    return count;
}

// At an urgency that ends the interview, the one thing still worth asking is
// what could lift a rule that put it there: the `unless` of a rule that holds
// ("unless these symptoms are long-standing and stable").
int Interview::next_unless_question() const {
    thread_local Answers applicable;
    applicable_answers(m_rules, m_answers, applicable);
    std::vector<int> candidates;
    for (const auto *list : {&m_rules.red_flags, &m_rules.urgency_rules}) {
        for (const auto &rule : *list) {
            bool ending = m_rules.urgencies[static_cast<std::size_t>(rule.urgency)].ends_interview;
            if (ending && rule.unless && rule_state(rule, applicable) == Tri::yes &&
                evaluate(*rule.unless, applicable) == Tri::unknown) {
                questions_of(*rule.unless, candidates);
            }
        }
    }
    std::sort(candidates.begin(), candidates.end());
    for (int question : candidates) {
        if (!m_done[static_cast<std::size_t>(question)] && applies(question)) {
            return question;
        }
    }
    return -1;
}

bool Interview::could_matter(int question) const {
    Result now = evaluate(m_rules, m_answers);
    const auto &raising = now.unanswered;
    if (std::find(raising.begin(), raising.end(), question) != raising.end()) {
        return true;
    }
    Conclusion before = conclusion_of(m_rules, m_answers);
    for (double value : probe_values(question)) {
        Answers trial = m_answers;
        trial[static_cast<std::size_t>(question)] = value;
        if (value != 0) {
            for (int reopened : reopened_by(question, m_answers)) {
                trial[static_cast<std::size_t>(reopened)].reset();
            }
        }
        if (!(conclusion_of(m_rules, trial) == before)) {
            return true;
        }
    }
    return false;
}

bool Interview::could_matter_for_safety(int question) const {
    Result before = evaluate(m_rules, m_answers);
    for (double value : probe_values(question)) {
        Answers trial = m_answers;
        trial[static_cast<std::size_t>(question)] = value;
        Result after = evaluate(m_rules, trial);
        if (after.urgency != before.urgency || after.techniques != before.techniques) {
            return true;
        }
    }
    return false;
}

std::vector<double> Interview::probe_values(int question) const {
    const auto index = static_cast<std::size_t>(question);
    const Question &q = m_rules.questions[index];
    std::vector<double> out;
    switch (q.type) {
    case QuestionType::yes_no:
        return {1, 0};
    case QuestionType::choice:
        for (std::size_t i = 0; i < q.options.size(); ++i) {
            out.push_back(static_cast<double>(i));
        }
        return out;
    case QuestionType::integer:
    case QuestionType::number:
        break;
    }
    // Each side of every threshold, and the ends of the range: between two
    // neighbouring values every comparison in the rule set reads the same.
    std::vector<double> constants = m_constants[index];
    std::sort(constants.begin(), constants.end());
    for (std::size_t i = 0; i < constants.size(); ++i) {
        double c = constants[i];
        out.insert(out.end(), {c - 1, c, c + 1});
        if (i + 1 < constants.size()) {
            out.push_back((c + constants[i + 1]) / 2);
        }
    }
    if (q.min) {
        out.push_back(*q.min);
    }
    if (q.max) {
        out.push_back(*q.max);
    }
    auto outside = [&q](double v) {
        return (q.min && v < *q.min) || (q.max && v > *q.max) ||
               (q.type == QuestionType::integer && v != std::floor(v));
    };
    out.erase(std::remove_if(out.begin(), out.end(), outside), out.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void Interview::answer(int question, std::optional<double> value) {
    const auto index = static_cast<std::size_t>(question);
    Reply reply{question, {}};
    if (value && *value != 0 && m_rules.questions[index].type == QuestionType::yes_no) {
        for (int reopened : reopened_by(question, m_answers)) {
            const auto r = static_cast<std::size_t>(reopened);
            reply.reopened.emplace_back(reopened, m_answers[r]);
            m_answers[r].reset();
            m_done[r] = false;
        }
    }
    m_answers[index] = value;
    m_done[index] = true;
    m_asked.push_back(question);
    m_replies.push_back(std::move(reply));
}

bool Interview::back() {
    if (m_asked.empty()) {
        return false;
    }
    const auto index = static_cast<std::size_t>(m_asked.back());
    m_asked.pop_back();
    m_answers[index].reset();
    m_done[index] = false;
    for (const auto &[reopened, answer] : m_replies.back().reopened) {
        m_answers[static_cast<std::size_t>(reopened)] = answer;
        m_done[static_cast<std::size_t>(reopened)] = true;
    }
    m_replies.pop_back();
    return true;
}

bool Interview::reopen(int question) {
    auto at = std::find(m_asked.begin(), m_asked.end(), question);
    const auto index = static_cast<std::size_t>(question);
    if (at == m_asked.end() || m_answers[index]) {
        return false;
    }
    // A "don't know" reopened nothing (only a yes does), so its reply holds
    // nothing back() would need.
    m_replies.erase(m_replies.begin() + (at - m_asked.begin()));
    m_asked.erase(at);
    m_done[index] = false;
    return true;
}

Result Interview::result() const {
    Result out = evaluate(m_rules, m_answers);
    out.asked = m_asked;
    return out;
}

} // namespace sciatica
