#include "lib/rules.hpp"

namespace sciatica {

namespace {

template <typename T> int index_of(const std::vector<T> &items, const std::string &id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

template <typename T> std::vector<std::string> ids_of(const std::vector<T> &items) {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const auto &item : items) {
        ids.push_back(item.id);
    }
    return ids;
}

} // namespace

const char *question_type_name(QuestionType type) {
    switch (type) {
    case QuestionType::yes_no:
        return "yes_no";
    case QuestionType::integer:
        return "integer";
    case QuestionType::number:
        return "number";
    case QuestionType::choice:
        return "choice";
    }
    return "?";
}

const std::vector<QuestionType> &question_types() {
    static const std::vector<QuestionType> types = {QuestionType::yes_no, QuestionType::integer,
                                                    QuestionType::number, QuestionType::choice};
    return types;
}

const std::vector<DurationUnit> &duration_units() {
    static const std::vector<DurationUnit> units = {
        {"days", {"d", "day", "days"}, 1},
        {"weeks", {"w", "wk", "wks", "week", "weeks"}, 7},
        {"months", {"mo", "mos", "month", "months"}, 365.25 / 12},
        {"years", {"y", "yr", "yrs", "year", "years"}, 365.25},
    };
    return units;
}

const std::vector<TextKey> &text_keys() {
    static const std::vector<TextKey> keys = {
        {"why_heading", &Texts::why_heading},
        {"emergency_signs_heading", &Texts::emergency_signs_heading},
        {"causes_heading", &Texts::causes_heading},
        {"no_causes", &Texts::no_causes},
        {"techniques_heading", &Texts::techniques_heading},
        {"no_techniques", &Texts::no_techniques},
        {"worth_answering_heading", &Texts::worth_answering_heading},
        {"causes_list_heading", &Texts::causes_list_heading},
        {"usual_urgency_label", &Texts::usual_urgency_label},
        {"signs_heading", &Texts::signs_heading},
        {"diagnosis_heading", &Texts::diagnosis_heading},
        {"usual_urgency_heading", &Texts::usual_urgency_heading},
        {"techniques_list_heading", &Texts::techniques_list_heading},
        {"cautions_heading", &Texts::cautions_heading},
        {"withheld_at", &Texts::withheld_at},
        {"equipment_heading", &Texts::equipment_heading},
        {"treatments_heading", &Texts::treatments_heading},
    };
    return keys;
}

const std::vector<std::string> &named_text_keys() {
    static const std::vector<std::string> keys = {
        "yes_words",
        "no_words",
        "unsure_words",
        "interview_help",
        "stopped",
        "group_hint",
        "revisit_offer",
        "signs_reported_heading",
        "tell_clinician",
        "not_ruled_out_people",
        "unanswered_people",
        "unanswered_more",
        "report_title",
        "report_one_check",
        "report_checks_range",
        "report_made_by",
        "report_name_line",
        "report_birth_line",
        "report_printed",
        "report_page",
        "report_summary_heading",
        "report_summary_urgency",
        "report_summary_signs",
        "report_summary_not_ruled_out",
        "report_summary_causes",
        "report_summary_trend",
        "report_summary_latest",
        "report_none",
        "report_trend_one",
        "report_trend",
        "report_urgency_heading",
        "report_no_reason",
        "report_concluded",
        "report_new_since",
        "report_implied_by",
        "report_signs_heading",
        "report_signs_other",
        "report_signs_caption",
        "report_question_column",
        "report_answer_column",
        "report_not_answered",
        "report_answers_heading",
        "report_no_answers",
        "report_unanswered_count",
        "report_causes_because",
        "report_no_causes",
        "report_body_heading",
        "report_body_back",
        "report_body_buttock",
        "report_body_leg",
        "report_body_below_knee",
        "report_body_side_unknown",
        "report_body_side",
        "report_body_both_sides",
        "report_body_none",
        "report_body_marked",
        "report_body_and",
        "report_body_left",
        "report_body_right",
        "report_body_legend",
        "report_chart_heading",
        "report_chart_title",
        "report_no_pain_score",
        "report_chart_description",
        "report_chart_latest_missing",
        "report_changes_heading",
        "report_only_check",
        "report_change",
        "report_no_change",
        "report_visit_heading",
        "report_notice_heading",
        "concluded_treated_as",
        "concluded_new_since",
        "concluded_from_other_answers",
        "concluded_from_answer",
        "changes_heading",
        "history_concluded_heading",
        "history_treated_as",
        "history_from_changes",
        "urgency_label",
        "what_to_do_label",
    };
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out = keys;
        out.insert(out.end(), required_text_keys().begin(), required_text_keys().end());
        return out;
    }();
    return all;
}

const std::vector<std::string> &required_text_keys() {
    static const std::vector<std::string> keys = {
        "techniques_hint_person",
        "techniques_hint",
        "techniques_hint_plain",
        "interview_start",
        "interview_keys",
        "interview_group_keys",
        "interview_progress",
        "interview_you_answered",
        "interview_kept",
        "interview_dont_know",
        "interview_first_question",
        "interview_not_an_answer",
        "interview_sorry",
        "yes_or_no",
        "save_question",
        "carried_weeks_question",
        "draft_kept",
        "history_none",
        "history_heading",
        "history_id_column",
        "history_date_column",
        "history_urgency_column",
        "history_pain_column",
        "history_cause_column",
        "history_pain_all",
        "history_pain_last",
        "history_kept_in",
        "history_check_heading",
        "history_causes_heading",
        "history_answers_heading",
        "history_changed_heading",
        "history_change",
        "history_not_answered",
        "forget_all_question",
        "forget_nothing_deleted",
        "forget_none_saved",
        "forget_all_done_one",
        "forget_all_done",
        "forget_one_done",
        "changes_change",
        "statements_more",
        "report_untitled_rules",
        "duration_under_a_day",
        "duration_day",
        "duration_days",
        "duration_week",
        "duration_weeks",
        "duration_month",
        "duration_months",
        "duration_year",
        "duration_years",
        "duration_years_and_a_half",
        "about_what_it_is_heading",
        "about_nerve_path_heading",
        "about_symptoms_heading",
        "about_diagnosis_heading",
        "about_get_help_heading",
        "about_more",
        "causes_more",
        "questions_list_heading",
        "steps_heading",
        "equipment_needed",
        "how_to_use",
        "source_line",
        "saved_as",
    };
    return keys;
}

const std::string &text_of(const Texts &texts, std::string_view key) {
    static const std::string none;
    for (const auto &entry : texts.named) {
        if (entry.key == key) {
            return entry.text;
        }
    }
    return none;
}

std::string text_with(const Texts &texts, std::string_view key,
                      std::initializer_list<std::pair<const char *, std::string>> values) {
    return filled_in(text_of(texts, key), values);
}

std::string filled_in(std::string text,
                      std::initializer_list<std::pair<const char *, std::string>> values) {
    for (const auto &[name, value] : values) {
        const std::string placeholder = std::string("{") + name + "}";
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

int RuleSet::question_index(const std::string &id) const {
    return index_of(questions, id);
}
int RuleSet::urgency_index(const std::string &id) const {
    return index_of(urgencies, id);
}

std::vector<std::string> RuleSet::question_ids() const {
    return ids_of(questions);
}
std::vector<std::string> RuleSet::cause_ids() const {
    return ids_of(causes);
}
std::vector<std::string> RuleSet::technique_ids() const {
    return ids_of(techniques);
}
std::vector<std::string> RuleSet::urgency_ids() const {
    return ids_of(urgencies);
}
std::vector<std::string> RuleSet::equipment_ids() const {
    return ids_of(equipment);
}

std::pair<double, double> pain_score_range(const RuleSet &rules) {
    double low = 0;
    double high = 10;
    if (rules.history.pain_score >= 0) {
        const Question &question = rules.questions[static_cast<std::size_t>(rules.history.pain_score)];
        low = question.min.value_or(low);
        high = question.max.value_or(high);
    }
    return {low, high};
}

} // namespace sciatica
