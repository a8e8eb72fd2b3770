#include "lib/rules_blob.hpp"

#include "lib/error.hpp"

#include <cstdint>
#include <cstring>

namespace sciatica {

namespace {

// A new member in these structs must be written and read below; these
// checks fail the build until it is (update the sizes after doing so).
static_assert(sizeof(Condition) == 72, "serialise the new Condition member in rules_blob.cpp");
static_assert(sizeof(Question) == 248, "serialise the new Question member in rules_blob.cpp");
static_assert(sizeof(UrgencyLevel) == 112, "serialise the new UrgencyLevel member");
static_assert(sizeof(UrgencyRule) == 320, "serialise the new UrgencyRule member");
static_assert(sizeof(Finding) == 88, "serialise the new Finding member in rules_blob.cpp");
static_assert(sizeof(Cause) == 336, "serialise the new Cause member in rules_blob.cpp");
static_assert(sizeof(Technique) == 384, "serialise the new Technique member in rules_blob.cpp");
static_assert(sizeof(NamedText) == 64, "serialise the new NamedText member in rules_blob.cpp");
static_assert(sizeof(RuleSet) == 592, "serialise the new RuleSet member in rules_blob.cpp");
static_assert(sizeof(HistoryRules) == 112, "serialise the new HistoryRules member");
static_assert(sizeof(Watch) == 32, "serialise the new Watch member in rules_blob.cpp");

class Writer {
  public:
    std::string bytes;

    template <typename T> void raw(T value) {
        char buffer[sizeof(T)];
        std::memcpy(buffer, &value, sizeof(T));
        bytes.append(buffer, sizeof(T));
    }
    void count(std::size_t n) { raw(static_cast<std::uint32_t>(n)); }
    void number(int n) { raw(static_cast<std::int32_t>(n)); }
    void text(const std::string &s) {
        count(s.size());
        bytes += s;
    }
    void mark(const SourceMark &m) {
        number(m.line);
        number(m.column);
    }
    void condition(const Condition &c) {
        raw(static_cast<std::uint8_t>(c.kind));
        list(c.children, [this](const Condition &child) { condition(child); });
        number(c.question);
        raw(static_cast<std::uint8_t>(c.op));
        list(c.values, [this](double v) { raw(v); });
        mark(c.mark);
    }
    template <typename T, typename F> void optional(const std::optional<T> &value, F each) {
        raw(static_cast<std::uint8_t>(value.has_value()));
        if (value) {
            each(*value);
        }
    }
    template <typename T, typename F> void list(const std::vector<T> &items, F each) {
        count(items.size());
        for (const auto &item : items) {
            each(item);
        }
    }
    void texts(const std::vector<std::string> &items) {
        list(items, [this](const std::string &s) { text(s); });
    }
    void numbers(const std::vector<int> &items) {
        list(items, [this](int n) { number(n); });
    }
};

class Reader {
  public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    template <typename T> T raw() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, m_bytes.data() + m_at, sizeof(T));
        m_at += sizeof(T);
        return value;
    }
    std::size_t count() { return raw<std::uint32_t>(); }
    int number() { return raw<std::int32_t>(); }
    std::string text() {
        std::size_t n = count();
        need(n);
        std::string s(m_bytes.substr(m_at, n));
        m_at += n;
        return s;
    }
    SourceMark mark() {
        SourceMark m;
        m.line = number();
        m.column = number();
        return m;
    }
    Condition condition() {
        Condition c;
        c.kind = static_cast<Condition::Kind>(raw<std::uint8_t>());
        list(c.children, [this] { return condition(); });
        c.question = number();
        c.op = static_cast<CompareOp>(raw<std::uint8_t>());
        list(c.values, [this] { return raw<double>(); });
        c.mark = mark();
        return c;
    }
    template <typename T, typename F> void optional(std::optional<T> &value, F read) {
        if (raw<std::uint8_t>() != 0) {
            value = read();
        }
    }
    template <typename T, typename F> void list(std::vector<T> &items, F read) {
        std::size_t n = count();
        items.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            items.push_back(read());
        }
    }
    void texts(std::vector<std::string> &items) {
        list(items, [this] { return text(); });
    }
    void numbers(std::vector<int> &items) {
        list(items, [this] { return number(); });
    }
    void finish() const {
        if (m_at != m_bytes.size()) {
            throw Error(ErrorKind::data, "compiled rule set: trailing bytes");
        }
    }

  private:
    void need(std::size_t n) const {
        if (m_bytes.size() - m_at < n) {
            throw Error(ErrorKind::data, "compiled rule set: truncated");
        }
    }

    std::string_view m_bytes;
    std::size_t m_at = 0;
};

void write_question(Writer &w, const Question &q) {
    w.text(q.id);
    w.raw(static_cast<std::uint8_t>(q.type));
    w.optional(q.min, [&w](double v) { w.raw(v); });
    w.optional(q.max, [&w](double v) { w.raw(v); });
    w.texts(q.options);
    w.text(q.prompt);
    w.text(q.help);
    w.optional(q.ask_when, [&w](const Condition &c) { w.condition(c); });
    w.mark(q.mark);
}

Question read_question(Reader &r) {
    Question q;
    q.id = r.text();
    q.type = static_cast<QuestionType>(r.raw<std::uint8_t>());
    r.optional(q.min, [&r] { return r.raw<double>(); });
    r.optional(q.max, [&r] { return r.raw<double>(); });
    r.texts(q.options);
    q.prompt = r.text();
    q.help = r.text();
    r.optional(q.ask_when, [&r] { return r.condition(); });
    q.mark = r.mark();
    return q;
}

void write_rule(Writer &w, const UrgencyRule &rule) {
    w.text(rule.id);
    w.text(rule.name);
    w.number(rule.urgency);
    w.condition(rule.when);
    w.list(rule.context, [&w](const Condition &c) { w.condition(c); });
    w.text(rule.advice);
    w.mark(rule.mark);
    w.optional(rule.unless, [&w](const Condition &c) { w.condition(c); });
    w.text(rule.source);
}

UrgencyRule read_rule(Reader &r) {
    UrgencyRule rule;
    rule.id = r.text();
    rule.name = r.text();
    rule.urgency = r.number();
    rule.when = r.condition();
    r.list(rule.context, [&r] { return r.condition(); });
    rule.advice = r.text();
    rule.mark = r.mark();
    r.optional(rule.unless, [&r] { return r.condition(); });
    rule.source = r.text();
    return rule;
}

void write_cause(Writer &w, const Cause &cause) {
    w.text(cause.id);
    w.text(cause.name);
    w.text(cause.summary);
    w.text(cause.description);
    w.texts(cause.signs);
    w.text(cause.diagnosis);
    w.number(cause.usual_urgency);
    w.text(cause.source);
    w.optional(cause.requires_, [&w](const Condition &c) { w.condition(c); });
    w.list(cause.findings, [&w](const Finding &f) {
        w.condition(f.when);
        w.raw(f.weight);
        w.mark(f.mark);
    });
    w.mark(cause.mark);
}

Cause read_cause(Reader &r) {
    Cause cause;
    cause.id = r.text();
    cause.name = r.text();
    cause.summary = r.text();
    cause.description = r.text();
    r.texts(cause.signs);
    cause.diagnosis = r.text();
    cause.usual_urgency = r.number();
    cause.source = r.text();
    r.optional(cause.requires_, [&r] { return r.condition(); });
    r.list(cause.findings, [&r] {
        Finding f;
        f.when = r.condition();
        f.weight = r.raw<double>();
        f.mark = r.mark();
        return f;
    });
    cause.mark = r.mark();
    return cause;
}

void write_technique(Writer &w, const Technique &t) {
    w.text(t.id);
    w.text(t.name);
    w.text(t.summary);
    w.optional(t.when, [&w](const Condition &c) { w.condition(c); });
    w.numbers(t.not_at);
    w.texts(t.steps);
    w.texts(t.cautions);
    w.texts(t.equipment);
    w.mark(t.mark);
    w.optional(t.unless, [&w](const Condition &c) { w.condition(c); });
    w.numbers(t.not_with_causes);
}

Technique read_technique(Reader &r) {
    Technique t;
    t.id = r.text();
    t.name = r.text();
    t.summary = r.text();
    r.optional(t.when, [&r] { return r.condition(); });
    r.numbers(t.not_at);
    r.texts(t.steps);
    r.texts(t.cautions);
    r.texts(t.equipment);
    t.mark = r.mark();
    r.optional(t.unless, [&r] { return r.condition(); });
    r.numbers(t.not_with_causes);
    return t;
}

void write_history(Writer &w, const HistoryRules &h) {
    w.list(h.watch, [&w](const Watch &watch) {
        w.number(watch.question);
        w.raw(static_cast<std::uint8_t>(watch.kind));
        w.raw(watch.by);
        w.number(watch.implies);
        w.mark(watch.mark);
    });
    w.numbers(h.ask_again);
    w.number(h.duration);
    w.raw(h.episode_gap_weeks);
    w.number(h.pain_score);
    for (int index : {h.body.back, h.body.buttock, h.body.leg, h.body.below_knee, h.body.side}) {
        w.number(index);
    }
    w.texts(h.visit_questions);
}

HistoryRules read_history(Reader &r) {
    HistoryRules h;
    r.list(h.watch, [&r] {
        Watch watch;
        watch.question = r.number();
        watch.kind = static_cast<WatchKind>(r.raw<std::uint8_t>());
        watch.by = r.raw<double>();
        watch.implies = r.number();
        watch.mark = r.mark();
        return watch;
    });
    r.numbers(h.ask_again);
    h.duration = r.number();
    h.episode_gap_weeks = r.raw<double>();
    h.pain_score = r.number();
    for (int *index :
         {&h.body.back, &h.body.buttock, &h.body.leg, &h.body.below_knee, &h.body.side}) {
        *index = r.number();
    }
    r.texts(h.visit_questions);
    return h;
}

} // namespace

std::string serialize_rules(const RuleSet &rules) {
    Writer w;
    w.text(rules.title);
    w.text(rules.version);
    w.text(rules.notice);
    w.list(rules.urgencies, [&w](const UrgencyLevel &u) {
        w.text(u.id);
        w.text(u.name);
        w.text(u.advice);
        w.raw(static_cast<std::uint8_t>(u.self_care));
        w.mark(u.mark);
        w.raw(static_cast<std::uint8_t>(u.ends_interview));
    });
    w.list(rules.questions, [&w](const Question &q) { write_question(w, q); });
    w.list(rules.red_flags, [&w](const UrgencyRule &rule) { write_rule(w, rule); });
    w.list(rules.urgency_rules, [&w](const UrgencyRule &rule) { write_rule(w, rule); });
    w.optional(rules.causes_when, [&w](const Condition &c) { w.condition(c); });
    w.list(rules.causes, [&w](const Cause &cause) { write_cause(w, cause); });
    w.list(rules.techniques, [&w](const Technique &t) { write_technique(w, t); });
    for (const auto *named : {&rules.treatments, &rules.equipment}) {
        w.list(*named, [&w](const NamedText &n) {
            w.text(n.name);
            w.text(n.description);
        });
    }
    w.number(rules.incomplete_screen.urgency);
    w.text(rules.incomplete_screen.name);
    w.text(rules.incomplete_screen.advice);
    w.text(rules.incomplete_screen.ask);
    w.number(rules.leading_causes);
    write_history(w, rules.history);
    return std::move(w.bytes);
}

RuleSet deserialize_rules(std::string_view blob) {
    Reader r(blob);
    RuleSet rules;
    rules.title = r.text();
    rules.version = r.text();
    rules.notice = r.text();
    r.list(rules.urgencies, [&r] {
        UrgencyLevel u;
        u.id = r.text();
        u.name = r.text();
        u.advice = r.text();
        u.self_care = r.raw<std::uint8_t>() != 0;
        u.mark = r.mark();
        u.ends_interview = r.raw<std::uint8_t>() != 0;
        return u;
    });
    r.list(rules.questions, [&r] { return read_question(r); });
    r.list(rules.red_flags, [&r] { return read_rule(r); });
    r.list(rules.urgency_rules, [&r] { return read_rule(r); });
    r.optional(rules.causes_when, [&r] { return r.condition(); });
    r.list(rules.causes, [&r] { return read_cause(r); });
    r.list(rules.techniques, [&r] { return read_technique(r); });
    for (auto *named : {&rules.treatments, &rules.equipment}) {
        r.list(*named, [&r] {
            NamedText n;
            n.name = r.text();
            n.description = r.text();
            return n;
        });
    }
    rules.incomplete_screen.urgency = r.number();
    rules.incomplete_screen.name = r.text();
    rules.incomplete_screen.advice = r.text();
    rules.incomplete_screen.ask = r.text();
    rules.leading_causes = r.number();
    rules.history = read_history(r);
    r.finish();
    return rules;
}

} // namespace sciatica
