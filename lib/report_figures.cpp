#include "lib/report_figures.hpp"

#include "lib/answers.hpp"
#include "lib/report_html.hpp"
#include "lib/text_util.hpp"

#include <algorithm>

namespace sciatica::report_html {

namespace {

// Which regions hurt, from the rule set's history.body_map.
struct Regions {
    bool back = false, buttock = false, leg = false, below_knee = false;
    bool left = true, right = true; // the side; both when unknown
    std::string side_words;
};

Regions regions_of(const RuleSet &rules, const Answers &answers) {
    const BodyMap &map = rules.history.body;
    auto yes = [&answers](int q) {
        return q >= 0 && answers[static_cast<std::size_t>(q)] &&
               *answers[static_cast<std::size_t>(q)] != 0;
    };
    Regions out;
    out.back = yes(map.back);
    out.buttock = yes(map.buttock);
    out.leg = yes(map.leg);
    out.below_knee = yes(map.below_knee);
    out.side_words = words(rules, "report_body_side_unknown");
    if (map.side >= 0 && answers[static_cast<std::size_t>(map.side)]) {
        const Question &side = rules.questions[static_cast<std::size_t>(map.side)];
        std::string name = answer_text(side, *answers[static_cast<std::size_t>(map.side)]);
        out.left = name != "right";
        out.right = name != "left";
        out.side_words = name == "both" ? words(rules, "report_body_both_sides")
                                        : words(rules, "report_body_side", {{"side", name}});
    }
    return out;
}

std::string shape(const std::string &element, bool marked) {
    return "<" + element +
           (marked ? " class=\"pain\" fill=\"url(#hatch)\" stroke=\"#000\" "
                     "stroke-width=\"3\""
                   : " fill=\"#fff\" stroke=\"#555\" stroke-width=\"1.5\"") +
           "/>\n";
}

} // namespace

std::string body_figure(const RuleSet &rules, const Answers &answers) {
    Regions r = regions_of(rules, answers);
    std::vector<std::string> marked;
    for (const auto &[hurts, key] : {std::pair<bool, const char *>{r.back, "report_body_back"},
                                     {r.buttock, "report_body_buttock"},
                                     {r.leg, "report_body_leg"},
                                     {r.below_knee, "report_body_below_knee"}}) {
        if (hurts) {
            marked.push_back(words(rules, key));
        }
    }
    std::string where;
    const std::string and_word = " " + words(rules, "report_body_and") + " ";
    for (std::size_t i = 0; i < marked.size(); ++i) {
        where += (i == 0 ? "" : i + 1 == marked.size() ? and_word : ", ") + marked[i];
    }
    std::string description = marked.empty() ? words(rules, "report_body_none")
                                             : words(rules, "report_body_marked",
                                                     {{"where", where}, {"side", r.side_words}});
    // Seen from behind: the person's left is on the left of the picture.
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 240 420\" width=\"240\" "
        "height=\"420\" role=\"img\" aria-labelledby=\"body-svg-title body-svg-desc\">\n"
        "<title id=\"body-svg-title\">" +
        text(words(rules, "report_body_heading")) + "</title>\n<desc id=\"body-svg-desc\">" +
        text(description) +
        "</desc>\n<defs><pattern id=\"hatch\" width=\"8\" height=\"8\" "
        "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" "
        "height=\"8\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#000\" "
        "stroke-width=\"4\"/></pattern></defs>\n"
        "<circle cx=\"120\" cy=\"30\" r=\"22\" fill=\"#fff\" stroke=\"#555\" "
        "stroke-width=\"1.5\"/>\n"
        "<rect x=\"82\" y=\"56\" width=\"76\" height=\"80\" rx=\"12\" fill=\"#fff\" "
        "stroke=\"#555\" "
        "stroke-width=\"1.5\"/>\n";
    svg += shape("rect x=\"86\" y=\"136\" width=\"68\" height=\"34\" rx=\"6\"", r.back);
    svg += shape("ellipse cx=\"102\" cy=\"190\" rx=\"20\" ry=\"20\"", r.buttock && r.left);
    svg += shape("ellipse cx=\"138\" cy=\"190\" rx=\"20\" ry=\"20\"", r.buttock && r.right);
    svg += shape("rect x=\"84\" y=\"212\" width=\"32\" height=\"88\" rx=\"10\"", r.leg && r.left);
    svg += shape("rect x=\"124\" y=\"212\" width=\"32\" height=\"88\" rx=\"10\"", r.leg && r.right);
    svg += shape("rect x=\"86\" y=\"304\" width=\"28\" height=\"96\" rx=\"10\"",
                 r.below_knee && r.left);
    svg += shape("rect x=\"126\" y=\"304\" width=\"28\" height=\"96\" rx=\"10\"",
                 r.below_knee && r.right);
    // The sciatic nerve: from the lower spine through the buttock down the
    // back of the thigh, dividing above the knee.
    svg += "<g fill=\"none\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"5 3\">\n"
           "<path d=\"M114 150 C108 175 100 190 100 215 L100 300 L96 395 M100 300 L106 395\"/>\n"
           "<path d=\"M126 150 C132 175 140 190 140 215 L140 300 L136 395 M140 300 L146 395\"/>\n"
           "</g>\n"
           "<text x=\"20\" y=\"200\" font-size=\"14\">" +
           text(words(rules, "report_body_left")) +
           "</text>\n"
           "<text x=\"182\" y=\"200\" font-size=\"14\">" +
           text(words(rules, "report_body_right")) +
           "</text>\n"
           "<text x=\"120\" y=\"416\" font-size=\"11\" text-anchor=\"middle\">" +
           text(words(rules, "report_body_legend")) + "</text>\n</svg>\n";
    return "<figure>\n" + svg + tag("figcaption", text(description)) + "</figure>\n";
}

std::string chart_figure(const RuleSet &rules, const std::vector<ReportChecks::Point> &checks) {
    // Plain doubles, not a structured binding: C++17 lambdas cannot capture one.
    const std::pair<double, double> range = pain_score_range(rules);
    const double low = range.first;
    const double high = range.second;
    std::vector<std::pair<std::size_t, double>> points;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i].pain_score) {
            points.emplace_back(i, *checks[i].pain_score);
        }
    }
    if (points.empty() || high <= low) {
        return tag("p", text(words(rules, "report_no_pain_score")));
    }
    const double left = 40, right = 590, top = 15, bottom = 185;
    auto x_of = [&](std::size_t i) {
        return checks.size() == 1 ? (left + right) / 2
                                  : left + (right - left) * static_cast<double>(i) /
                                               static_cast<double>(checks.size() - 1);
    };
    auto y_of = [&](double v) { return bottom - (bottom - top) * (v - low) / (high - low); };
    double min_score = points.front().second, max_score = min_score;
    std::string polyline;
    std::string dots;
    for (const auto &[i, v] : points) {
        min_score = std::min(min_score, v);
        max_score = std::max(max_score, v);
        polyline += format_number(x_of(i)) + "," + format_number(y_of(v)) + " ";
        if (points.size() <= 60) {
            dots += "<circle cx=\"" + format_number(x_of(i)) + "\" cy=\"" + format_number(y_of(v)) +
                    "\" r=\"4\" fill=\"#000\"/>\n";
        }
    }
    // "At the latest check" only when the latest check has a score: an
    // earlier check's score is said with its own date.
    const bool latest_scored = points.back().first + 1 == checks.size();
    std::string description =
        words(rules, latest_scored ? "report_chart_description" : "report_chart_latest_missing",
              {{"low", format_number(low)},
               {"high", format_number(high)},
               {"count", std::to_string(points.size())},
               {"checks", std::to_string(checks.size())},
               {"from", date_of(checks.front().at)},
               {"to", date_of(checks.back().at)},
               {"first", format_number(points.front().second)},
               {"latest", format_number(points.back().second)},
               {"latest_date", date_of(checks[points.back().first].at)},
               {"lowest", format_number(min_score)},
               {"highest", format_number(max_score)}});
    std::string grid;
    for (double v : {low, (low + high) / 2, high}) {
        grid += "<line x1=\"" + format_number(left) + "\" x2=\"" + format_number(right) + "\" y1=\"" +
                format_number(y_of(v)) + "\" y2=\"" + format_number(y_of(v)) +
                "\" stroke=\"#999\" stroke-width=\"1\"/>\n<text x=\"" + format_number(left - 8) +
                "\" y=\"" + format_number(y_of(v) + 4) + "\" font-size=\"12\" text-anchor=\"end\">" +
                format_number(v) + "</text>\n";
    }
    std::string svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 215\" width=\"600\" "
        "height=\"215\" role=\"img\" aria-labelledby=\"chart-svg-title chart-svg-desc\">\n"
        "<title id=\"chart-svg-title\">" +
        text(words(rules, "report_chart_title")) +
        "</title>\n"
        "<desc id=\"chart-svg-desc\">" +
        text(description) + "</desc>\n" + grid +
        "<polyline fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\" points=\"" + polyline +
        "\"/>\n" + dots + "<text x=\"" + format_number(left) + "\" y=\"208\" font-size=\"12\">" +
        text(date_of(checks.front().at)) + "</text>\n<text x=\"" + format_number(right) +
        "\" y=\"208\" font-size=\"12\" text-anchor=\"end\">" + text(date_of(checks.back().at)) +
        "</text>\n</svg>\n";
    return "<figure>\n" + svg + tag("figcaption", text(description)) + "</figure>\n";
}

} // namespace sciatica::report_html
