#include "lib/satisfiable.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace sciatica {

namespace {

// Past this many alternatives the expansion stops and the condition is taken
// as one that may hold; real rule sets stay far below it.
constexpr std::size_t k_max_alternatives = 512;

constexpr double k_infinity = std::numeric_limits<double>::infinity();

struct Interval {
    double low = -k_infinity;
    double high = k_infinity;
    bool low_open = false;
    bool high_open = false;
};

// The values one question may still take: a union of intervals. Discrete
// questions (yes/no, choice, integer) keep closed whole-number bounds.
using ValueSet = std::vector<Interval>;

// A conjunction: for each question constrained, the values it may take.
using Box = std::map<int, ValueSet>;

bool discrete(const Question &question) {
    return question.type != QuestionType::number;
}

bool is_empty(const Interval &i) {
    return i.low > i.high || (i.low == i.high && (i.low_open || i.high_open));
}

Interval normalised(Interval i, bool whole) {
    if (whole) {
        i.low = i.low_open ? std::floor(i.low) + 1 : std::ceil(i.low);
        i.high = i.high_open ? std::ceil(i.high) - 1 : std::floor(i.high);
        i.low_open = false;
        i.high_open = false;
    }
    return i;
}

// Whether `x` ends before `y` does (an open end before a closed one at the
// same value).
bool ends_first(const Interval &x, const Interval &y) {
    return x.high < y.high || (x.high == y.high && x.high_open && !y.high_open);
}

// `a` and `b` are sorted unions of disjoint intervals (every ValueSet here
// is), so one merge-like pass finds their intersection: linear, where pairing
// every piece of `a` with every piece of `b` was quadratic for long `in` lists.
ValueSet intersect(const ValueSet &a, const ValueSet &b, bool whole) {
    ValueSet out;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        const Interval &x = a[i];
        const Interval &y = b[j];
        Interval both;
        both.low = std::max(x.low, y.low);
        both.low_open = (x.low == both.low && x.low_open) || (y.low == both.low && y.low_open);
        both.high = std::min(x.high, y.high);
        both.high_open =
            (x.high == both.high && x.high_open) || (y.high == both.high && y.high_open);
        both = normalised(both, whole);
        if (!is_empty(both)) {
            out.push_back(both);
        }
        if (ends_first(x, y)) {
            ++i;
        } else if (ends_first(y, x)) {
            ++j;
        } else {
            ++i;
            ++j;
        }
    }
    return out;
}

ValueSet all_values(const Question &question) {
    switch (question.type) {
    case QuestionType::yes_no:
        return {{0, 1}};
    case QuestionType::choice:
        return {{0, static_cast<double>(question.options.size()) - 1}};
    case QuestionType::integer:
    case QuestionType::number:
        break;
    }
    return {{question.min.value_or(-k_infinity), question.max.value_or(k_infinity)}};
}

// The values that make the comparison `op` against `values` true, or false
// when `negated`.
ValueSet comparison_values(CompareOp op, const std::vector<double> &values, bool negated) {
    double v = values.empty() ? 0 : values.front();
    if (op == CompareOp::in) {
        std::vector<double> points = values;
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        ValueSet out;
        if (!negated) {
            for (double p : points) {
                out.push_back({p, p});
            }
            return out;
        }
        double low = -k_infinity;
        for (double p : points) {
            out.push_back({low, p, low != -k_infinity, true});
            low = p;
        }
        out.push_back({low, k_infinity, low != -k_infinity, false});
        return out;
    }
    if (negated) {
        static const std::map<CompareOp, CompareOp> opposite = {
            {CompareOp::eq, CompareOp::ne}, {CompareOp::ne, CompareOp::eq},
            {CompareOp::lt, CompareOp::ge}, {CompareOp::le, CompareOp::gt},
            {CompareOp::gt, CompareOp::le}, {CompareOp::ge, CompareOp::lt}};
        op = opposite.at(op);
    }
    switch (op) {
    case CompareOp::eq:
        return {{v, v}};
    case CompareOp::ne:
        return {{-k_infinity, v, false, true}, {v, k_infinity, true, false}};
    case CompareOp::lt:
        return {{-k_infinity, v, false, true}};
    case CompareOp::le:
        return {{-k_infinity, v}};
    case CompareOp::gt:
        return {{v, k_infinity, true, false}};
    case CompareOp::ge:
    case CompareOp::in:
        break;
    }
    return {{v, k_infinity}};
}

class Expander {
  public:
    explicit Expander(const RuleSet &rules) : m_rules(rules) {}

    // The alternatives (boxes) under which `condition` is true (false when
    // `negated`), or nullopt when there are too many to list.
    std::optional<std::vector<Box>> expand(const Condition &condition, bool negated) {
        switch (condition.kind) {
        case Condition::Kind::compare:
            return leaf(condition, negated);
        case Condition::Kind::negate:
            return expand(condition.children.front(), !negated);
        case Condition::Kind::all:
        case Condition::Kind::any:
            break;
        }
        // De Morgan: a negated `all` is an `any` of negations, and so on.
        bool conjunction = (condition.kind == Condition::Kind::all) != negated;
        std::vector<Box> out;
        if (conjunction) {
            out.push_back({});
        }
        for (const auto &child : condition.children) {
            auto alternatives = expand(child, negated);
            if (!alternatives) {
                return std::nullopt;
            }
            if (conjunction && out.size() * alternatives->size() > k_max_alternatives) {
                return std::nullopt;
            }
            if (conjunction) {
                out = combine(out, *alternatives);
                if (m_too_large) {
                    return std::nullopt;
                }
            } else {
                out.insert(out.end(), alternatives->begin(), alternatives->end());
            }
            if (out.size() > k_max_alternatives) {
                return std::nullopt;
            }
        }
        return out;
    }

  private:
    const RuleSet &m_rules;
    bool m_too_large = false; // a question's values split into too many pieces

    std::vector<Box> leaf(const Condition &condition, bool negated) {
        if (condition.question < 0 ||
            static_cast<std::size_t>(condition.question) >= m_rules.questions.size()) {
            return {Box{}}; // unresolved: assume it may hold
        }
        const Question &question = m_rules.questions[static_cast<std::size_t>(condition.question)];
        ValueSet values = intersect(all_values(question),
                                    comparison_values(condition.op, condition.values, negated),
                                    discrete(question));
        if (values.empty()) {
            return {};
        }
        return {Box{{condition.question, values}}};
    }

    std::vector<Box> combine(const std::vector<Box> &left, const std::vector<Box> &right) {
        std::vector<Box> out;
        for (const auto &a : left) {
            for (const auto &b : right) {
                if (auto joined = join(a, b)) {
                    out.push_back(std::move(*joined));
                }
            }
        }
        return out;
    }

    std::optional<Box> join(const Box &a, Box b) {
        // `b` is taken by value: the joined box is built in it.
        for (const auto &[question, values] : a) {
            auto it = b.find(question);
            if (it == b.end()) {
                b.emplace(question, values);
                continue;
            }
            bool whole = discrete(m_rules.questions[static_cast<std::size_t>(question)]);
            it->second = intersect(it->second, values, whole);
            if (it->second.empty()) {
                return std::nullopt;
            }
            m_too_large = m_too_large || it->second.size() > k_max_alternatives;
        }
        return b;
    }
};

} // namespace

bool can_hold(const Condition &condition, const RuleSet &rules) {
    auto alternatives = Expander(rules).expand(condition, false);
    return !alternatives || !alternatives->empty();
}

} // namespace sciatica
