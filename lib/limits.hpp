#pragma once

#include <cstddef>

namespace sciatica {

// Limits on what sciatica reads. Each is far above what real input needs (the
// default rule set is about 40 KiB with 40 questions; an answers document is a
// few hundred bytes) and keeps a broken or hostile input from costing much
// time, memory or stack. Every one is enforced with an error that names it,
// and README lists them.

// The largest rule file read, in bytes.
inline constexpr std::size_t k_max_rules_bytes = 4 * 1024 * 1024;

// The largest answers document (a file, standard input or one batch line), in
// bytes.
inline constexpr std::size_t k_max_answers_bytes = 1024 * 1024;

// The deepest nesting of mappings and lists in a rule file or an answers
// document. yaml-cpp itself recurses once per level; this stops it early.
inline constexpr int k_max_nesting_depth = 64;

// The most entries in one list of a rule set (questions, red flags, urgency
// rules, causes, techniques, treatments, equipment).
inline constexpr std::size_t k_max_list_entries = 1000;

// The most values in one `in:` list of a condition: lint and evaluation stay
// fast (n log n) whatever a rule file holds.
inline constexpr std::size_t k_max_in_values = 1000;

// The largest weight (either sign) of a cause's finding. Scores are summed in
// millionths (fixed point), so weights this size can never overflow or lose
// a finding to rounding.
inline constexpr double k_max_finding_weight = 1000;

// How much of a bad value an error message repeats before eliding the rest.
inline constexpr std::size_t k_max_quoted_chars = 60;

} // namespace sciatica
