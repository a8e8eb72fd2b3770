#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <vector>

namespace sciatica {

// Kleene's three-valued logic: an unanswered question is unknown, and a
// condition over it stays unknown until the answer could no longer matter.
enum class Tri : std::uint8_t { no, yes, unknown };

// One answer per question of a rule set, indexed like RuleSet::questions.
// Every answer is a number: yes/no is 1 or 0, a choice is its option's index,
// integers and numbers are themselves. std::nullopt means "not answered".
using Answers = std::vector<std::optional<double>>;

// The answer the engine reads for a question that was not answered and does
// not apply (its `ask_when` is false under the other answers): every
// comparison on it is false, so it neither confirms nor leaves open a rule.
// It never comes from input, where a value must be finite.
inline constexpr double k_not_applicable = std::numeric_limits<double>::quiet_NaN();

inline bool is_not_applicable(const std::optional<double> &answer) {
    return answer && std::isnan(*answer);
}

enum class CompareOp : std::uint8_t { eq, ne, lt, le, gt, ge, in };

// Where a node came from in its source file (1-based; 0 when built in code).
struct SourceMark {
    int line = 0;
    int column = 0;
};

// The constants a comparison reads: one value, or the set for `in`. One
// value, the usual case, is held in the node itself, so evaluating a leaf
// reads no other memory than the node and the answer (a rule set ten times
// the default's does not fit the first-level cache: tests/bench, rule
// scaling); more live on the heap. Used as a std::vector<double> is.
class ConditionValues {
  public:
    ConditionValues() = default;
    ConditionValues(std::initializer_list<double> values) { assign(values.begin(), values.end()); }
    ConditionValues(const std::vector<double> &values) { // NOLINT: converts as the vector did
        assign(values.data(), values.data() + values.size());
    }
    ConditionValues(const ConditionValues &other) { assign(other.begin(), other.end()); }
    ConditionValues(ConditionValues &&other) noexcept { take(other); }
    ConditionValues &operator=(const ConditionValues &other) {
        if (this != &other) {
            assign(other.begin(), other.end());
        }
        return *this;
    }
    ConditionValues &operator=(ConditionValues &&other) noexcept {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~ConditionValues() { release(); }

    const double *data() const { return m_capacity > 1 ? m_heap : &m_one; }
    double *data() { return m_capacity > 1 ? m_heap : &m_one; }
    const double *begin() const { return data(); }
    const double *end() const { return data() + m_size; }
    double *begin() { return data(); }
    double *end() { return data() + m_size; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    double front() const { return data()[0]; }
    double operator[](std::size_t i) const { return data()[i]; }

    void push_back(double value) {
        if (m_size == m_capacity) {
            grow(m_capacity * 2);
        }
        data()[m_size++] = value;
    }
    // Removes [first, last), as std::vector::erase does.
    double *erase(double *first, double *last) {
        double *out = first;
        for (double *from = last; from != end(); ++from) {
            *out++ = *from;
        }
        m_size = static_cast<std::uint32_t>(out - begin());
        return first;
    }

    operator std::vector<double>() const { return {begin(), end()}; } // NOLINT

    friend bool operator==(const ConditionValues &a, const ConditionValues &b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }
    friend bool operator==(const ConditionValues &a, const std::vector<double> &b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
    }
    friend bool operator!=(const ConditionValues &a, const ConditionValues &b) { return !(a == b); }

  private:
    void assign(const double *first, const double *last) {
        release();
        const auto n = static_cast<std::size_t>(last - first);
        if (n > 1) {
            m_heap = new double[n];
            m_capacity = static_cast<std::uint32_t>(n);
        }
        std::copy(first, last, data());
        m_size = static_cast<std::uint32_t>(n);
    }
    void grow(std::uint32_t capacity) {
        auto *heap = new double[capacity];
        std::copy(begin(), end(), heap);
        const std::uint32_t size = m_size;
        release();
        m_heap = heap;
        m_capacity = capacity;
        m_size = size;
    }
    void take(ConditionValues &other) {
        m_size = other.m_size;
        m_capacity = other.m_capacity;
        if (m_capacity > 1) {
            m_heap = other.m_heap;
        } else {
            m_one = other.m_one;
        }
        other.m_size = 0;
        other.m_capacity = 1;
    }
    void release() {
        if (m_capacity > 1) {
            delete[] m_heap;
        }
        m_capacity = 1;
        m_size = 0;
    }

    union {
        double m_one = 0; // m_capacity 1
        double *m_heap;   // m_capacity > 1
    };
    std::uint32_t m_size = 0;
    std::uint32_t m_capacity = 1;
};

// A condition over answers: all / any / not, nested freely, with comparisons
// of one question against constants at the leaves.
struct Condition {
    enum class Kind : std::uint8_t { all, any, negate, compare };

    // 56 bytes, within one cache line, a single compared value included:
    // the engine walks every rule's tree for each case, and a rule set ten
    // times the default's no longer fits the first-level cache (tests/bench:
    // rule scaling).
    std::vector<Condition> children; // all, any: the operands; negate: one
    ConditionValues values; // compare: one value, or the set for `in` (sorted, unique)
    SourceMark mark;
    int question = -1; // compare: index into RuleSet::questions
    Kind kind = Kind::all;
    CompareOp op = CompareOp::eq;
};

// The value of `condition` under `answers`.
Tri evaluate(const Condition &condition, const Answers &answers);

// Appends to `out` the answered (and applicable) questions that make `condition` come out as
// `target` (which it must), each once, in the order they appear: the "because"
// behind a conclusion.
void explain(const Condition &condition, const Answers &answers, Tri target, std::vector<int> &out);

// When `condition` is unknown under `answers`, marks in `relevant` each
// unanswered question whose answer could still decide it; returns the value.
// `relevant` must have one entry per question.
Tri mark_relevant(const Condition &condition, const Answers &answers, std::vector<bool> &relevant);

// Every question the condition reads, in order of appearance.
void questions_of(const Condition &condition, std::vector<int> &out);

} // namespace sciatica
