#include "lib/lint_text.hpp"

#include "lib/limits.hpp"
#include "lib/text_util.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace sciatica {

namespace {

// The code point at `text[i]`, advancing `i`; malformed UTF-8 (refused when
// the file is read) gives the byte itself.
char32_t next_code_point(std::string_view text, std::size_t &i) {
    CodePoint point = decode_utf8(text, i);
    if (point.length == 0) {
        return static_cast<unsigned char>(text[i++]);
    }
    i += point.length;
    return point.value;
}

bool is_invisible(char32_t c) {
    return (c < 0x80 && std::isspace(static_cast<int>(c))) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || (c >= 0x2060 && c <= 0x2064) ||
           c == 0x3000 || c == 0xFEFF;
}

class TextLinter {
  public:
    TextLinter(const RuleSet &rules, const std::string &file, std::vector<Diagnostic> &out)
        : m_rules(rules), m_file(file), m_out(out) {}

    void run() {
        check_levels();
        check_questions();
        check_rules(m_rules.red_flags, "red flag");
        check_rules(m_rules.urgency_rules, "urgency rule");
        check_causes();
        check_techniques();
        for (const auto &item : m_rules.treatments) {
            text({}, "'" + item.name + "'", {&item.name, &item.description, &item.source});
        }
        for (const auto &item : m_rules.equipment) {
            text({}, "'" + item.name + "'",
                 {&item.name, &item.description, &item.how_to_use, &item.source});
        }
        check_wording();
        text({}, "the rule set", {&m_rules.title, &m_rules.version, &m_rules.notice});
        if (m_rules.red_flags.empty()) {
            report(Diagnostic::Severity::warning, {},
                   "the rule set has no red flags: no warning sign can raise the urgency");
        }
    }

  private:
    const RuleSet &m_rules;
    const std::string &m_file;

    // What the text result, `about` and the incomplete screen print besides
    // the rules themselves.
    void check_wording() {
        const About &about = m_rules.about;
        text({}, "'about'",
             {&about.name, &about.what_it_is, &about.nerve_path, &about.figure_unicode,
              &about.figure_ascii, &about.diagnosis, &about.source});
        texts({}, "'about'", about.symptoms);
        for (const auto &group : about.get_help_now) {
            text({}, "'about'", {&group.advice});
            texts({}, "'about'", group.signs);
        }
        const IncompleteScreen &screen = m_rules.incomplete_screen;
        text({}, "'incomplete_screen'", {&screen.name, &screen.advice, &screen.ask});
        texts({}, "'emergency_signs'", m_rules.emergency_signs);
        for (const auto &key : text_keys()) {
            text({}, std::string("texts '") + key.key + "'", {&(m_rules.texts.*key.member)});
        }
        check_named_texts();
        check_flag_families();
        for (const auto &group : m_rules.question_groups) {
            text({}, "question group '" + group.id + "'", {&group.prompt});
        }
    }

    // The interview's and the report's sentences: a rule set that gives some
    // must give them all, or the report has holes where they go; a missing
    // required_text_keys() one (a prompt, a question, a history heading) is an
    // error, the rest warnings. (A rule set with none of them is a small one
    // for tests or a start.)
    void check_named_texts() {
        for (const auto &entry : m_rules.texts.named) {
            text({}, "texts '" + entry.key + "'", {&entry.text});
        }
        if (m_rules.texts.named.empty()) {
            return;
        }
        const auto &required = required_text_keys();
        for (const auto &key : named_text_keys()) {
            if (!text_of(m_rules.texts, key).empty()) {
                continue;
            }
            if (std::find(required.begin(), required.end(), key) != required.end()) {
                report(Diagnostic::Severity::error, {},
                       "texts '" + key + "' is missing: a person would read a blank there");
            } else {
                report(Diagnostic::Severity::warning, {},
                       "texts '" + key + "' is missing: the interview or the report leaves it out");
            }
        }
    }

    // When the rule set says red flags by family, every red flag needs one,
    // or a sign not ruled out would go unsaid at the end of an interview.
    void check_flag_families() {
        if (m_rules.flag_families.empty()) {
            return;
        }
        std::vector<int> families(m_rules.red_flags.size(), 0);
        for (const auto &family : m_rules.flag_families) {
            text({}, "flag family '" + family.name + "'", {&family.name});
            for (int flag : family.flags) {
                ++families[static_cast<std::size_t>(flag)];
            }
        }
        for (std::size_t i = 0; i < families.size(); ++i) {
            const UrgencyRule &flag = m_rules.red_flags[i];
            if (families[i] != 1) {
                report(Diagnostic::Severity::warning, flag.mark,
                       "red flag '" + flag.id + "' is in " + std::to_string(families[i]) +
                           " flag families: it needs exactly one");
            }
        }
    }
    std::vector<Diagnostic> &m_out;

    void report(Diagnostic::Severity severity, const SourceMark &mark, std::string message) {
        m_out.push_back({severity, m_file, mark.line, mark.column, std::move(message)});
    }
    void error(const SourceMark &mark, std::string message) {
        report(Diagnostic::Severity::error, mark, std::move(message));
    }

    // Ids are checked when loaded; options reach shells (completion) too.
    void plain_word(const SourceMark &mark, const std::string &what, const std::string &value) {
        if (!is_plain_word(value)) {
            error(mark, what + " '" + printable(value, k_max_quoted_chars) +
                            "' is not a plain word: use letters, digits, '_', '-' and '.', "
                            "starting with a letter or digit");
        }
    }

    // Each of `texts` of the entry `owner` at `mark`.
    void text(const SourceMark &mark, const std::string &owner,
              std::initializer_list<const std::string *> texts) {
        for (const auto *one : texts) {
            std::string bad = first_control_character(*one);
            if (!bad.empty()) {
                error(mark, "the text of " + printable(owner, k_max_quoted_chars) +
                                " holds a control character (" + bad +
                                "); write text without escapes or terminal codes");
                return;
            }
        }
    }

    void texts(const SourceMark &mark, const std::string &owner,
               const std::vector<std::string> &list) {
        for (const auto &one : list) {
            text(mark, owner, {&one});
        }
    }

    void not_blank(const SourceMark &mark, const std::string &what, const std::string &value) {
        if (looks_blank(value)) {
            error(mark, what + " looks blank (only spaces, no-break or zero-width spaces)");
        }
    }

    void check_levels() {
        for (const auto &level : m_rules.urgencies) {
            text(level.mark, "urgency '" + level.id + "'", {&level.name, &level.advice});
            not_blank(level.mark, "the name of urgency '" + level.id + "'", level.name);
            not_blank(level.mark, "the advice of urgency '" + level.id + "'", level.advice);
            if (level.self_care && (level.id == "emergency" || level.id == "urgent")) {
                error(level.mark, "urgency '" + level.id +
                                      "' allows self-care (self_care: true); no technique may "
                                      "be offered at emergency or urgent");
            }
        }
    }

    void check_questions() {
        for (const auto &question : m_rules.questions) {
            if (question.id == "case_id") {
                error(question.mark, "the question id 'case_id' is reserved: batch reads it as "
                                     "the case's own id, not an answer");
            }
            const std::string owner = "question '" + question.id + "'";
            text(question.mark, owner, {&question.prompt, &question.help});
            texts(question.mark, owner, question.options);
            texts(question.mark, owner, question.says);
            std::set<std::string> folded;
            for (const auto &option : question.options) {
                plain_word(question.mark, "the option", option);
                std::string lower = option;
                for (auto &c : lower) {
                    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                }
                if (!folded.insert(lower).second) {
                    error(question.mark, "the options of '" + question.id +
                                             "' differ only in case ('" +
                                             printable(option, k_max_quoted_chars) +
                                             "'); answers match options whatever the case");
                }
            }
        }
    }

    void check_rules(const std::vector<UrgencyRule> &rules, const std::string &what) {
        for (const auto &rule : rules) {
            text(rule.mark, what + " '" + rule.id + "'", {&rule.name, &rule.advice});
            not_blank(rule.mark, "the name of " + what + " '" + rule.id + "'", rule.name);
            not_blank(rule.mark, "the advice of " + what + " '" + rule.id + "'", rule.advice);
        }
    }

    void check_causes() {
        for (const auto &cause : m_rules.causes) {
            const std::string owner = "cause '" + cause.id + "'";
            text(
                cause.mark, owner,
                {&cause.name, &cause.summary, &cause.description, &cause.diagnosis, &cause.source});
            texts(cause.mark, owner, cause.signs);
            for (const auto &finding : cause.findings) {
                if (!(finding.weight >= -k_max_finding_weight &&
                      finding.weight <= k_max_finding_weight)) {
                    error(finding.mark, "a finding's weight must be from -" +
                                            format_number(k_max_finding_weight) + " to " +
                                            format_number(k_max_finding_weight));
                }
            }
        }
    }

    void check_techniques() {
        for (const auto &technique : m_rules.techniques) {
            const std::string owner = "technique '" + technique.id + "'";
            text(technique.mark, owner, {&technique.name, &technique.summary});
            texts(technique.mark, owner, technique.steps);
            texts(technique.mark, owner, technique.cautions);
            texts(technique.mark, owner, technique.equipment);
        }
    }
};

} // namespace

bool is_plain_word(std::string_view word) {
    if (word.empty() || !std::isalnum(static_cast<unsigned char>(word.front()))) {
        return false;
    }
    for (char c : word) {
        auto u = static_cast<unsigned char>(c);
        if (!(u < 0x80 && (std::isalnum(u) || c == '_' || c == '-' || c == '.'))) {
            return false;
        }
    }
    return true;
}

std::string first_control_character(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t start = i;
        if (is_unsafe_character(next_code_point(text, i))) {
            return hex_escaped(text.substr(start, i - start));
        }
    }
    return "";
}

bool looks_blank(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (!is_invisible(next_code_point(text, i))) {
            return false;
        }
    }
    return true;
}

void lint_text(const RuleSet &rules, const std::string &file_name, std::vector<Diagnostic> &out) {
    TextLinter(rules, file_name, out).run();
}

} // namespace sciatica
