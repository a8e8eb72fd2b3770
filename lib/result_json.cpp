#include "lib/result_json.hpp"

#include "lib/answers.hpp"
#include "lib/result_format.hpp"
#include "lib/version.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace sciatica {

namespace {

using namespace result_member;

// `"name":`, the start of a member.
std::string key(std::string_view name) {
    std::string out = "\"";
    out.append(name);
    return out + "\":";
}

// `"name":"value"` with the value escaped.
std::string member(std::string_view name, std::string_view value) {
    std::string out = key(name);
    append_json_string(out, value);
    return out;
}

std::string rule_head(const RuleSet &rules, const UrgencyRule &rule) {
    return "{" + member(k_id, rule.id) + "," + member(k_name, rule.name) + "," +
           member(k_urgency, rules.urgencies[static_cast<std::size_t>(rule.urgency)].id) + "," +
           member(k_advice, rule.advice) + "," + key(k_because) + "[";
}

std::string string_array(const std::vector<std::string> &items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += i ? "," : "";
        append_json_string(out, items[i]);
    }
    return out + "]";
}

template <typename T> std::size_t index_in(const std::vector<T> &items, const T *item) {
    return static_cast<std::size_t>(item - items.data());
}

} // namespace

nlohmann::ordered_json answer_to_json(const Question &question, double value) {
    switch (question.type) {
    case QuestionType::yes_no:
        return value != 0;
    case QuestionType::choice:
        return answer_text(question, value);
    case QuestionType::integer:
        return static_cast<long long>(value);
    case QuestionType::number:
        return value;
    }
    return nullptr;
}

std::string indent_json(std::string_view compact) {
    std::string out;
    out.reserve(compact.size() * 2);
    int depth = 0;
    auto new_line = [&out, &depth] {
        out += '\n';
        out.append(static_cast<std::size_t>(depth) * 2, ' ');
    };
    for (std::size_t i = 0; i < compact.size(); ++i) {
        char c = compact[i];
        switch (c) {
        case '"': {
            // Copy the string whole: what it holds is not structure.
            std::size_t end = i + 1;
            while (end < compact.size() && compact[end] != '"') {
                end += compact[end] == '\\' ? 2U : 1U;
            }
            end = std::min(end + 1, compact.size());
            out.append(compact.substr(i, end - i));
            i = end - 1;
            break;
        }
        case '{':
        case '[':
            out += c;
            if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
                out += compact[++i];
            } else {
                ++depth;
                new_line();
            }
            break;
        case '}':
        case ']':
            --depth;
            new_line();
            out += c;
            break;
        case ',':
            out += c;
            new_line();
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void append_json_string(std::string &out, std::string_view text) {
    static constexpr char k_hex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0; // start of the run not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(text.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += k_hex[c >> 4];
            out += k_hex[c & 0xf];
        }
    }
    out.append(text.data() + plain, text.size() - plain);
    out += '"';
}

void append_json_double(std::string &out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    // nlohmann's public dump, not its private detail::to_chars (which can
    // change on any upgrade). std::to_chars cannot stand in: nlohmann's Grisu2
    // is not always shortest (about 1 double in 700 differs), and the result
    // must keep the bytes result_to_json and the history JSON write.
    out += nlohmann::json(value).dump();
}

ResultWriter::ResultWriter(const RuleSet &rules) : m_rules(&rules) {
    for (const auto &level : rules.urgencies) {
        m_urgency_head.push_back(member(k_urgency, level.id) + "," +
                                 member(k_urgency_name, level.name) + "," +
                                 member(k_urgency_advice, level.advice) + ",");
    }
    for (const auto &question : rules.questions) {
        std::string id;
        append_json_string(id, question.id);
        m_question_id.push_back(id);
        m_because_head.push_back("{" + key(k_question) + id + "," + key(k_answer));
        std::vector<std::string> options;
        for (const auto &option : question.options) {
            options.emplace_back();
            append_json_string(options.back(), option);
        }
        AnswerTexts texts;
        texts.first = static_cast<std::uint32_t>(m_answer_start.size());
        texts.type = question.type;
        const std::string head = "," + id + ":";
        auto add_text = [this, &head](std::string_view value) {
            m_answer_start.push_back(static_cast<std::uint32_t>(m_answer_text.size()));
            m_answer_text.append(head).append(value);
        };
        add_text("");
        if (question.type == QuestionType::yes_no) {
            add_text("false");
            add_text("true");
            texts.values = 2;
        } else if (question.type == QuestionType::choice) {
            for (const auto &option : options) {
                add_text(option);
            }
            texts.values = static_cast<std::uint32_t>(options.size());
        }
        m_answer_texts.push_back(texts);
        m_option.push_back(std::move(options));
    }
    m_answer_start.push_back(static_cast<std::uint32_t>(m_answer_text.size()));
    for (const auto &rule : rules.red_flags) {
        m_red_flag_head.push_back(rule_head(rules, rule));
        m_red_flag_id.emplace_back();
        append_json_string(m_red_flag_id.back(), rule.id);
    }
    for (const auto &rule : rules.urgency_rules) {
        m_rule_head.push_back(rule_head(rules, rule));
    }
    for (const auto &cause : rules.causes) {
        m_cause_head.push_back("{" + member(k_id, cause.id) + "," + member(k_name, cause.name) +
                               "," + key(k_score));
        m_cause_middle.push_back("," + member(k_summary, cause.summary) + "," + key(k_because) +
                                 "[");
    }
    for (const auto &technique : rules.techniques) {
        m_technique.push_back("{" + member(k_id, technique.id) + "," +
                              member(k_name, technique.name) + "," + key(k_steps) +
                              string_array(technique.steps) + "," + key(k_cautions) +
                              string_array(technique.cautions) + "," + key(k_equipment) +
                              string_array(technique.equipment) + "}");
    }
    m_schema_version = key(k_schema_version) + std::to_string(k_result_schema_version) + ",";
    m_changes_head = "{" + key(k_question);
    m_changes_before = "," + key(k_before);
    m_changes_after = "," + key(k_after);
    m_changes_since = "," + key(k_since);
    m_case_id = key(k_case_id);
    m_complete = key(k_screen_complete) + "true," + key(k_not_ruled_out) + "[";
    m_incomplete = key(k_screen_complete) + "false," + key(k_not_ruled_out) + "[";
    m_red_flags_list = "]," + key(k_red_flags) + "[";
    m_urgency_rules_list = "]," + key(k_urgency_rules) + "[";
    m_causes_list = "]," + key(k_causes) + "[";
    m_techniques_list = "]," + key(k_techniques) + "[";
    m_unanswered_list = "]," + key(k_unanswered) + "[";
    m_asked_list = "]," + key(k_asked) + "[";
    m_answers_head = "]," + key(k_answers) + "{";
    m_changes_list_head = "}," + key(k_changes) + "[";
    m_tail = "]," + member(k_tool_version, tool_version()) + "," +
             member(k_rules_version, rules.version) + "," + member(k_notice, rules.notice) + "}";
}

void ResultWriter::append_answer(std::size_t question, double value, std::string &out) const {
    switch (m_answer_texts[question].type) {
    case QuestionType::yes_no:
        out += value != 0 ? "true" : "false";
        break;
    case QuestionType::choice: {
        auto option = static_cast<std::size_t>(value);
        if (option < m_option[question].size()) {
            out += m_option[question][option];
        } else {
            out += "\"?\"";
        }
        break;
    }
    case QuestionType::integer: {
        std::array<char, 24> buffer{};
        auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                 static_cast<long long>(value))
                       .ptr;
        out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
        break;
    }
    case QuestionType::number:
        append_json_double(out, value);
        break;
    }
}

void ResultWriter::append_because(const Result &result, const std::vector<int> &because,
                                  std::string &out) const {
    bool first = true;
    for (int index : because) {
        const auto i = static_cast<std::size_t>(index);
        out += first ? "" : ",";
        first = false;
        out += m_because_head[i];
        append_answer(i, *result.answers[i], out);
        out += '}';
    }
}

void ResultWriter::append_answers(const Result &result, std::string &out) const {
    std::size_t skip = 1; // the first member's comma
    for (std::size_t i = 0; i < result.answers.size(); ++i) {
        if (!result.answers[i]) {
            continue;
        }
        const double value = *result.answers[i];
        const AnswerTexts &texts = m_answer_texts[i];
        std::size_t text = texts.first;
        bool whole = false; // the text holds the value too
        if (texts.type == QuestionType::yes_no) {
            text += value != 0 ? 2 : 1;
            whole = true;
        } else if (texts.type == QuestionType::choice) {
            auto option = static_cast<std::size_t>(value);
            whole = option < texts.values;
            text += whole ? option + 1 : 0;
        }
        const std::size_t start = m_answer_start[text] + skip;
        out.append(m_answer_text, start, m_answer_start[text + 1] - start);
        skip = 0;
        if (!whole) {
            append_answer(i, value, out);
        }
    }
}

void ResultWriter::append_changes(const Result &result, std::string &out) const {
    bool first = true;
    for (const auto &change : result.changes) {
        const auto i = static_cast<std::size_t>(change.question);
        out += first ? "" : ",";
        first = false;
        out += m_changes_head;
        out += m_question_id[i];
        out += m_changes_before;
        if (change.before) {
            append_answer(i, *change.before, out);
        } else {
            out += "null";
        }
        out += m_changes_after;
        append_answer(i, change.after, out);
        out += m_changes_since;
        append_json_string(out, change.since);
        out += '}';
    }
}

void ResultWriter::append_rules(const Result &result, const std::vector<FiredRule> &fired,
                                std::string &out) const {
    bool first = true;
    for (const auto &hit : fired) {
        out += first ? "" : ",";
        first = false;
        // A fired rule is either a red flag or another urgency rule.
        const auto &flags = m_rules->red_flags;
        bool is_flag = hit.rule >= flags.data() && hit.rule < flags.data() + flags.size();
        out += is_flag ? m_red_flag_head[index_in(flags, hit.rule)]
                       : m_rule_head[index_in(m_rules->urgency_rules, hit.rule)];
        append_because(result, hit.because, out);
        out += "]}";
    }
}

void ResultWriter::append_ids(const std::vector<int> &indices, std::string &out) const {
    bool first = true;
    for (int index : indices) {
        out += first ? "" : ",";
        first = false;
        out += m_question_id[static_cast<std::size_t>(index)];
    }
}

void ResultWriter::append(const Result &result, std::string &out,
                          std::string_view case_id_json) const {
    out += '{';
    if (!case_id_json.empty()) {
        out += m_case_id;
        out += case_id_json;
        out += ',';
    }
    out += m_schema_version;
    out += m_urgency_head[static_cast<std::size_t>(result.urgency)];
    out += result.screen_complete ? m_complete : m_incomplete;
    bool first_flag = true;
    for (const auto *flag : result.not_ruled_out) {
        out += first_flag ? "" : ",";
        first_flag = false;
        out += m_red_flag_id[index_in(m_rules->red_flags, flag)];
    }
    out += m_red_flags_list;
    append_rules(result, result.red_flags, out);
    out += m_urgency_rules_list;
    append_rules(result, result.urgency_rules, out);
    out += m_causes_list;
    bool first = true;
    for (const auto &ranked : result.causes) {
        out += first ? "" : ",";
        first = false;
        std::size_t cause = index_in(m_rules->causes, ranked.cause);
        out += m_cause_head[cause];
        append_json_double(out, ranked.score);
        out += m_cause_middle[cause];
        append_because(result, ranked.because, out);
        out += "]}";
    }
    out += m_techniques_list;
    first = true;
    for (const auto *technique : result.techniques) {
        out += first ? "" : ",";
        first = false;
        out += m_technique[index_in(m_rules->techniques, technique)];
    }
    out += m_unanswered_list;
    append_ids(result.unanswered, out);
    out += m_asked_list;
    append_ids(result.asked, out);
    out += m_answers_head;
    append_answers(result, out);
    out += m_changes_list_head;
    append_changes(result, out);
    out += m_tail;
}

} // namespace sciatica
