#pragma once

#include "lib/rules.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sciatica {

// A case vignette: a person's answers and what the rule set must conclude
// from them. The format (a YAML list of cases) is documented in
// docs/rules-format.md; it is the one of the shared public vignettes.
struct Expectation {
    std::optional<std::string> urgency;          // the urgency id, exactly
    std::optional<std::string> urgency_at_least; // this level or a more severe one
    std::optional<std::string> urgency_at_most;  // this level or a less severe one
    std::optional<std::string> top_cause;        // the first cause's id
    std::vector<std::string> top2_any;           // one of these among the first two
    // A red flag id also matches an id that extends it: "possible-malignancy"
    // matches "possible-malignancy-age".
    std::vector<std::string> red_flags_include;
    std::vector<std::string> red_flags_exclude;
    std::vector<std::string> unanswered_include;
    bool no_causes = false;
    bool no_techniques = false;
    std::vector<std::string> techniques_include; // each of these technique ids is offered
    std::vector<std::string> techniques_exclude; // none of these is offered
};

struct Vignette {
    std::string name;
    std::string file;
    SourceMark mark;
    Answers answers; // with `others_no: true`, every warning sign not given is no
    Expectation expect;
    std::string source; // the guideline or published case it was written from
};

// Parses the vignettes in YAML `text` against `rules`: every question,
// urgency, cause and rule id named must exist in it. Throws Error(data) with
// "FILE:LINE:COL: message" at the first problem.
std::vector<Vignette> parse_vignettes(std::string_view text, const std::string &file_name,
                                      const RuleSet &rules);

// What is wrong with the result of `vignette` under `rules`, one line per
// unmet expectation ("urgency 'soon', want 'self-care'"); empty when it
// passes. Beyond its expectations every case must get the practitioner
// notice, no techniques at a level that withholds self-care, and, while the
// warning-sign screen is incomplete, neither self-care nor a technique.
std::vector<std::string> check_vignette(const RuleSet &rules, const Vignette &vignette);

// Which parts of a rule set some case exercised: a red flag or urgency rule
// when it holds, a cause's finding when its condition is true.
class Coverage {
  public:
    explicit Coverage(const RuleSet &rules);

    void add(const Answers &answers);

    // One line per part no case exercised, in file order, e.g.
    // "red flag 'cauda-equina'" or "cause 'trauma' finding 2"; with the
    // part's source position in `marks` (same length).
    std::vector<std::string> unexercised(std::vector<SourceMark> *marks = nullptr) const;

    // How many parts there are, and how many were exercised.
    std::size_t total() const;
    std::size_t exercised() const;

  private:
    const RuleSet &m_rules;
    std::vector<bool> m_red_flags;
    std::vector<bool> m_urgency_rules;
    std::vector<std::vector<bool>> m_findings; // per cause, per finding
};

} // namespace sciatica
