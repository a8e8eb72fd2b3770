#include "lib/rules_blob.hpp"

#include "lib/error.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace sciatica {

namespace {

// The format, defined once: each struct's members in the order they are
// stored. The Writer and the Reader both walk these lists, so a member is
// written exactly when it is read back. A new member of a struct in
// lib/rules.hpp goes here; tests/test_rules_blob.cpp compares every member
// after a round trip (it fails to compile until it lists the new one), so a
// member missing here fails that test.
//
// Scalars are stored in fixed widths in the machine's byte order: enums and
// bool as 8 bits, int and counts as 32, double as 64. Only the build that
// wrote a blob reads it (rules_blob.hpp), so the order never travels.

template <typename S, typename T> constexpr bool is = std::is_same_v<std::remove_const_t<S>, T>;

template <typename A, typename S> std::enable_if_t<is<S, SourceMark>> fields(A &a, S &s) {
    a(s.line, s.column);
}

template <typename A, typename S> std::enable_if_t<is<S, Condition>> fields(A &a, S &s) {
    a(s.kind, s.children, s.question, s.op, s.values, s.mark);
}

template <typename A, typename S> std::enable_if_t<is<S, Question>> fields(A &a, S &s) {
    a(s.id, s.type, s.min, s.max, s.options, s.prompt, s.help, s.ask_when, s.mark, s.says, s.unit,
      s.prompt_for, s.recap, s.recap_text, s.always_ask, s.group);
}

template <typename A, typename S> std::enable_if_t<is<S, QuestionGroup>> fields(A &a, S &s) {
    a(s.id, s.prompt);
}

template <typename A, typename S> std::enable_if_t<is<S, UrgencyLevel>> fields(A &a, S &s) {
    a(s.id, s.name, s.advice, s.self_care, s.mark, s.ends_interview);
}

template <typename A, typename S> std::enable_if_t<is<S, UrgencyRule>> fields(A &a, S &s) {
    a(s.id, s.name, s.urgency, s.when, s.context, s.advice, s.mark, s.unless, s.source);
}

template <typename A, typename S> std::enable_if_t<is<S, Finding>> fields(A &a, S &s) {
    a(s.when, s.weight, s.mark);
}

template <typename A, typename S> std::enable_if_t<is<S, Cause>> fields(A &a, S &s) {
    a(s.id, s.name, s.summary, s.description, s.signs, s.diagnosis, s.usual_urgency, s.source,
      s.requires_, s.findings, s.mark, s.leads_when);
}

template <typename A, typename S> std::enable_if_t<is<S, Technique>> fields(A &a, S &s) {
    a(s.id, s.name, s.summary, s.when, s.not_at, s.steps, s.cautions, s.equipment_refs, s.equipment,
      s.source, s.mark, s.unless, s.not_with_causes, s.only_with_causes);
}

template <typename A, typename S> std::enable_if_t<is<S, PromptVariant>> fields(A &a, S &s) {
    a(s.when, s.prompt);
}

template <typename A, typename S> std::enable_if_t<is<S, Implication>> fields(A &a, S &s) {
    a(s.id, s.when, s.question, s.value, s.overrides, s.source, s.mark);
}

template <typename A, typename S> std::enable_if_t<is<S, IncompleteScreen>> fields(A &a, S &s) {
    a(s.urgency, s.name, s.advice, s.ask);
}

template <typename A, typename S> std::enable_if_t<is<S, Texts>> fields(A &a, S &s) {
    a(s.why_heading, s.emergency_signs_heading, s.causes_heading, s.no_causes, s.techniques_heading,
      s.no_techniques, s.worth_answering_heading, s.causes_list_heading, s.usual_urgency_label,
      s.signs_heading, s.diagnosis_heading, s.usual_urgency_heading, s.techniques_list_heading,
      s.cautions_heading, s.withheld_at, s.equipment_heading, s.treatments_heading, s.named);
}

template <typename A, typename S> std::enable_if_t<is<S, NamedText>> fields(A &a, S &s) {
    a(s.key, s.text);
}

template <typename A, typename S> std::enable_if_t<is<S, FlagFamily>> fields(A &a, S &s) {
    a(s.name, s.flags);
}

template <typename A, typename S> std::enable_if_t<is<S, Treatment>> fields(A &a, S &s) {
    a(s.id, s.name, s.description, s.source);
}

template <typename A, typename S> std::enable_if_t<is<S, Equipment>> fields(A &a, S &s) {
    a(s.id, s.name, s.description, s.how_to_use, s.source);
}

template <typename A, typename S> std::enable_if_t<is<S, WarningSigns>> fields(A &a, S &s) {
    a(s.advice, s.signs);
}

template <typename A, typename S> std::enable_if_t<is<S, About>> fields(A &a, S &s) {
    a(s.name, s.what_it_is, s.nerve_path, s.figure_unicode, s.figure_ascii, s.symptoms, s.diagnosis,
      s.get_help_now, s.source);
}

template <typename A, typename S> std::enable_if_t<is<S, Watch>> fields(A &a, S &s) {
    a(s.question, s.kind, s.by, s.implies, s.mark);
}

template <typename A, typename S> std::enable_if_t<is<S, BodyMap>> fields(A &a, S &s) {
    a(s.back, s.buttock, s.leg, s.below_knee, s.side);
}

template <typename A, typename S> std::enable_if_t<is<S, HistoryRules>> fields(A &a, S &s) {
    a(s.watch, s.ask_again, s.duration, s.episode_gap_weeks, s.pain_score, s.body,
      s.visit_questions);
}

template <typename A, typename S> std::enable_if_t<is<S, RuleSet>> fields(A &a, S &s) {
    a(s.title, s.version, s.notice, s.about, s.urgencies, s.questions, s.red_flags, s.urgency_rules,
      s.causes_when, s.causes, s.techniques, s.treatments, s.equipment, s.incomplete_screen,
      s.leading_causes, s.history, s.texts, s.emergency_signs, s.implications, s.flag_families,
      s.question_groups);
}

// The stored type of a scalar member.
template <typename T>
using Stored = std::conditional_t<std::is_enum_v<T> || std::is_same_v<T, bool>, std::uint8_t,
                                  std::conditional_t<std::is_same_v<T, int>, std::int32_t, T>>;

class Writer {
  public:
    std::string bytes;

    template <typename... T> void operator()(const T &...values) { (put(values), ...); }

  private:
    template <typename T> void put(const T &value) {
        if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
            raw(static_cast<Stored<T>>(value));
        } else {
            fields(*this, value);
        }
    }
    void put(const std::string &s) {
        count(s.size());
        bytes += s;
    }
    template <typename T> void put(const std::optional<T> &value) {
        raw(static_cast<std::uint8_t>(value.has_value()));
        if (value) {
            put(*value);
        }
    }
    void put(const ConditionValues &items) { put(static_cast<std::vector<double>>(items)); }
    template <typename T> void put(const std::vector<T> &items) {
        count(items.size());
        for (const auto &item : items) {
            put(item);
        }
    }
    void count(std::size_t n) { raw(static_cast<std::uint32_t>(n)); }
    template <typename T> void raw(T value) {
        char buffer[sizeof(T)];
        std::memcpy(buffer, &value, sizeof(T));
        bytes.append(buffer, sizeof(T));
    }
};

class Reader {
  public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    template <typename... T> void operator()(T &...values) { (get(values), ...); }

    void finish() const {
        if (m_at != m_bytes.size()) {
            throw Error(ErrorKind::data, "compiled rule set: trailing bytes");
        }
    }

  private:
    template <typename T> void get(T &value) {
        if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
            value = static_cast<T>(raw<Stored<T>>());
        } else {
            fields(*this, value);
        }
    }
    void get(std::string &s) {
        std::size_t n = count();
        need(n);
        s.assign(m_bytes.substr(m_at, n));
        m_at += n;
    }
    template <typename T> void get(std::optional<T> &value) {
        if (raw<std::uint8_t>() != 0) {
            get(value.emplace());
        }
    }
    void get(ConditionValues &items) {
        std::vector<double> values;
        get(values);
        items = values;
    }
    template <typename T> void get(std::vector<T> &items) {
        std::size_t n = count();
        need(n); // every item takes at least a byte: refuse a count no blob could hold
        items.resize(n);
        for (auto &item : items) {
            get(item);
        }
    }
    std::size_t count() { return raw<std::uint32_t>(); }
    template <typename T> T raw() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, m_bytes.data() + m_at, sizeof(T));
        m_at += sizeof(T);
        return value;
    }
    void need(std::size_t n) const {
        if (m_bytes.size() - m_at < n) {
            throw Error(ErrorKind::data, "compiled rule set: truncated");
        }
    }

    std::string_view m_bytes;
    std::size_t m_at = 0;
};

} // namespace

std::string serialize_rules(const RuleSet &rules) {
    Writer w;
    w(rules);
    return std::move(w.bytes);
}

RuleSet deserialize_rules(std::string_view blob) {
    Reader r(blob);
    RuleSet rules;
    r(rules);
    r.finish();
    return rules;
}

} // namespace sciatica
