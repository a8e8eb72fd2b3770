#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/rules_blob.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <tuple>
#include <typeinfo>

using namespace sciatica;

namespace {

// Every struct of the rule model, member by member, independently of the
// blob's own field lists. A structured binding must name every member, so a
// new member of a struct in lib/rules.hpp stops this file compiling until it
// is listed here; the round trip below then compares it, and fails when
// rules_blob.cpp's writer and reader both skip it.
auto members(const SourceMark &s) {
    const auto &[a, b] = s;
    return std::tie(a, b);
}
auto members(const Condition &s) {
    const auto &[a, b, c, d, e, f] = s;
    return std::tie(a, b, c, d, e, f);
}
auto members(const PromptVariant &s) {
    const auto &[a, b] = s;
    return std::tie(a, b);
}
auto members(const Question &s) {
    const auto &[a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p] = s;
    return std::tie(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p);
}
auto members(const QuestionGroup &s) {
    const auto &[a, b] = s;
    return std::tie(a, b);
}
auto members(const Implication &s) {
    const auto &[a, b, c, d, e, f, g] = s;
    return std::tie(a, b, c, d, e, f, g);
}
auto members(const UrgencyLevel &s) {
    const auto &[a, b, c, d, e, f] = s;
    return std::tie(a, b, c, d, e, f);
}
auto members(const UrgencyRule &s) {
    const auto &[a, b, c, d, e, f, g, h, i] = s;
    return std::tie(a, b, c, d, e, f, g, h, i);
}
auto members(const Finding &s) {
    const auto &[a, b, c] = s;
    return std::tie(a, b, c);
}
auto members(const Cause &s) {
    const auto &[a, b, c, d, e, f, g, h, i, j, k, l] = s;
    return std::tie(a, b, c, d, e, f, g, h, i, j, k, l);
}
auto members(const Technique &s) {
    const auto &[a, b, c, d, e, f, g, h, i, j, k, l, m, n] = s;
    return std::tie(a, b, c, d, e, f, g, h, i, j, k, l, m, n);
}
auto members(const IncompleteScreen &s) {
    const auto &[a, b, c, d] = s;
    return std::tie(a, b, c, d);
}
auto members(const Treatment &s) {
    const auto &[a, b, c, d] = s;
    return std::tie(a, b, c, d);
}
auto members(const Equipment &s) {
    const auto &[a, b, c, d, e] = s;
    return std::tie(a, b, c, d, e);
}
auto members(const WarningSigns &s) {
    const auto &[a, b] = s;
    return std::tie(a, b);
}
auto members(const About &s) {
    const auto &[a, b, c, d, e, f, g, h, i] = s;
    return std::tie(a, b, c, d, e, f, g, h, i);
}
auto members(const Watch &s) {
    const auto &[a, b, c, d, e] = s;
    return std::tie(a, b, c, d, e);
}
auto members(const BodyMap &s) {
    const auto &[a, b, c, d, e] = s;
    return std::tie(a, b, c, d, e);
}
auto members(const HistoryRules &s) {
    const auto &[a, b, c, d, e, f, g] = s;
    return std::tie(a, b, c, d, e, f, g);
}
auto members(const Texts &s) {
    const auto &[a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r] = s;
    return std::tie(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r);
}
auto members(const NamedText &s) {
    const auto &[a, b] = s;
    return std::tie(a, b);
}
auto members(const FlagFamily &s) {
    const auto &[a, b] = s;
    return std::tie(a, b);
}
auto members(const RuleSet &s) {
    const auto &[a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, t, u, v] = s;
    return std::tie(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, t, u, v);
}

template <typename T, typename = void> struct IsStruct : std::false_type {};
template <typename T>
struct IsStruct<T, std::void_t<decltype(members(std::declval<const T &>()))>> : std::true_type {};
template <typename T> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};
template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};

// Where `a` and `b` first differ, as a path of member numbers and list
// indices ("RuleSet.4[2].6"), or "" when they are the same member for member.
template <typename T> std::string difference(const T &a, const T &b, const std::string &path) {
    if constexpr (IsStruct<T>::value) {
        std::string found;
        std::size_t n = 0;
        std::apply(
            [&](const auto &...x) {
                std::apply(
                    [&](const auto &...y) {
                        ((found.empty()
                              ? (found = difference(x, y, path + "." + std::to_string(n++)))
                              : found),
                         ...);
                    },
                    members(b));
            },
            members(a));
        return found;
    } else if constexpr (IsVector<T>::value) {
        if (a.size() != b.size()) {
            return path + " (size)";
        }
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (auto found = difference(a[i], b[i], path + "[" + std::to_string(i) + "]");
                !found.empty()) {
                return found;
            }
        }
        return "";
    } else if constexpr (IsOptional<T>::value) {
        if (a.has_value() != b.has_value()) {
            return path + " (presence)";
        }
        return a ? difference(*a, *b, path) : "";
    } else {
        return a == b ? "" : path;
    }
}

// Records, per struct and member number, whether some instance in `value`
// holds other than a default-constructed struct's value there.
using Seen = std::map<std::string, bool>;
template <typename T> void note_set_members(const T &value, Seen &seen) {
    if constexpr (IsStruct<T>::value) {
        static const T blank{};
        std::size_t n = 0;
        std::apply(
            [&](const auto &...x) {
                std::apply(
                    [&](const auto &...y) {
                        ((seen[std::string(typeid(T).name()) + "." + std::to_string(n++)] |=
                          !difference(x, y, "member").empty(),
                          note_set_members(x, seen)),
                         ...);
                    },
                    members(blank));
            },
            members(value));
    } else if constexpr (IsVector<T>::value) {
        for (const auto &item : value) {
            note_set_members(item, seen);
        }
    } else if constexpr (IsOptional<T>::value) {
        if (value) {
            note_set_members(*value, seen);
        }
    }
}

} // namespace

TEST_CASE("the compiled default rule set is the shipped YAML, member for member", "[rules_blob]") {
    RuleSet from_yaml = load_rules(default_rules_text(), "<embedded>/default.yaml");
    CHECK(difference(default_rules(), from_yaml, "RuleSet") == "");
}

// The default rule set, and members it leaves at their defaults (a cause's
// `requires`, leading_causes) set on the small one.
std::vector<RuleSet> full_rule_sets() {
    RuleSet small = sciatica::test::small_rules();
    small.causes.at(0).requires_ = small.causes.at(0).findings.at(0).when;
    small.leading_causes = 3;
    return {load_rules(default_rules_text(), "<embedded>/default.yaml"), small};
}

TEST_CASE("every member survives the round trip through the compact form", "[rules_blob]") {
    for (const RuleSet &rules : full_rule_sets()) {
        CHECK(difference(deserialize_rules(serialize_rules(rules)), rules, "RuleSet") == "");
    }
}

TEST_CASE("the rule sets of the round trip set every member somewhere, so it tests each",
          "[rules_blob]") {
    Seen seen;
    for (const RuleSet &rules : full_rule_sets()) {
        note_set_members(rules, seen);
    }
    for (const auto &[member, set] : seen) {
        INFO(member);
        CHECK(set);
    }
}

TEST_CASE("a truncated compact rule set is refused", "[rules_blob]") {
    std::string blob = serialize_rules(sciatica::test::small_rules());
    CHECK_THROWS_WITH(deserialize_rules(blob.substr(0, blob.size() - 3)),
                      "compiled rule set: truncated");
    CHECK_THROWS_WITH(deserialize_rules(blob + "x"), "compiled rule set: trailing bytes");
}

TEST_CASE("the about section, equipment and what each technique uses survive the compact form",
          "[rules_blob]") {
    std::string text = sciatica::test::small_rules_with(
        "not_at: [soon]}", "not_at: [soon], equipment: [roller], source: A book}");
    text += R"(equipment:
  - {id: ball, name: Ball, description: A ball., how_to_use: Lie on it., source: test}
  - {id: roller, name: Roller, description: A roller., how_to_use: Roll., source: test}
treatments:
  - {id: rest, name: Rest, description: Rest., source: test}
about:
  name: Pain
  what_it_is: A symptom.
  nerve_path: Down the leg.
  figure: {unicode: "┃\n", ascii: "|\n"}
  symptoms: [Pain]
  diagnosis: History.
  get_help_now: [{advice: Go now., signs: [Numbness]}]
  source: test
)";
    RuleSet rules = load_rules(text, "rules.yaml");
    std::string blob = serialize_rules(rules);
    RuleSet back = deserialize_rules(blob);
    CHECK(serialize_rules(back) == blob);
    CHECK(back.techniques.at(0).equipment_refs == std::vector<int>{1});
    CHECK(back.techniques.at(0).source == "A book");
    CHECK(back.equipment.at(1).how_to_use == "Roll.");
    CHECK(back.treatments.at(0).id == "rest");
    CHECK(back.about.figure_unicode == "┃\n");
    CHECK(back.about.get_help_now.at(0).advice == "Go now.");
}
