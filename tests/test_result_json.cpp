#include "lib/answers_document.hpp"
#include "lib/loader.hpp"
#include "lib/result_json.hpp"
#include "support.hpp"
#include "tests/result_oracle.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

using namespace sciatica;
using sciatica::test::answers_of;
using sciatica::test::result_to_json;
using sciatica::test::small_rules;
using sciatica::test::small_rules_with;

namespace {

std::string written(const Result &result, std::string_view case_id = {}) {
    std::string out;
    ResultWriter(*result.rules).append(result, out, case_id);
    return out;
}

std::string escaped(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

} // namespace

TEST_CASE("the writer gives the same bytes as result_to_json for every kind of result",
          "[result_json]") {
    RuleSet rules = small_rules();
    for (const auto &pairs : std::vector<std::vector<std::pair<std::string, std::string>>>{
             {},
             {{"pain", "yes"}, {"numb", "yes"}},
             {{"pain", "no"}, {"numb", "yes"}, {"side", "left"}, {"age", "61"}},
             {{"pain", "yes"}, {"side", "both"}, {"age", "30"}}}) {
        Result result = evaluate(rules, answers_of(rules, pairs));
        CHECK(written(result) == result_to_json(result).dump());
        CHECK(indent_json(written(result)) == result_to_json(result).dump(2));
    }
}

TEST_CASE("the pretty form is nlohmann's dump(2), strings left alone", "[result_json]") {
    nlohmann::json tree = {{"a", {1, 2.5, "x, y: {z}"}},
                           {"b", nlohmann::json::array()},
                           {"c", nlohmann::json::object()},
                           {"d", "say \"hi\" \\ [ok]"},
                           {"e", {{"f", nullptr}, {"g", true}}}};
    CHECK(indent_json(tree.dump()) == tree.dump(2));
}

TEST_CASE("the writer escapes the rule set's texts as nlohmann does", "[result_json]") {
    // Lint refuses control characters in a rule file; the writer must still
    // escape any text it is given.
    RuleSet rules = load_rules(small_rules_with("notice: See your practitioner.",
                                                "notice: \"Say \\\"now\\\"\\t\\\\ caf\\u00e9\""),
                               "small.yaml");
    rules.notice += "\x01";
    Result result = evaluate(rules, no_answers(rules));
    CHECK(rules.notice == "Say \"now\"\t\\ caf\xc3\xa9\x01");
    CHECK(written(result) == result_to_json(result).dump());
}

TEST_CASE("a case id comes first, before schema_version", "[result_json]") {
    RuleSet rules = small_rules();
    Result result = evaluate(rules, no_answers(rules));
    CHECK(written(result, "\"c-1\"").rfind("{\"case_id\":\"c-1\",\"schema_version\":1,", 0) == 0);
}

TEST_CASE("the default rule set writes the same bytes as result_to_json", "[result_json]") {
    const RuleSet &rules = default_rules();
    Result result = evaluate(rules, answers_of(rules, {{"leg_pain", "yes"},
                                                       {"pain_below_knee", "yes"},
                                                       {"age", "35"},
                                                       {"pain_side", "left"},
                                                       {"pain_duration_weeks", "2.5"}}));
    CHECK(written(result) == result_to_json(result).dump());
}

TEST_CASE("control characters are escaped with short forms or lowercase \\u00XX", "[result_json]") {
    CHECK(escaped(std::string("a\x00z", 3)) == "\"a\\u0000z\"");
    CHECK(escaped("\b\f\n\r\t\x1f") == "\"\\b\\f\\n\\r\\t\\u001f\"");
    CHECK(escaped("\"\\/") == "\"\\\"\\\\/\"");
}

TEST_CASE("non-ASCII text and DEL pass through unescaped", "[result_json]") {
    CHECK(escaped("caf\xc3\xa9 \xe2\x80\x94 \x7f") == "\"caf\xc3\xa9 \xe2\x80\x94 \x7f\"");
}

TEST_CASE("string escaping matches nlohmann for every byte below 0x80", "[result_json]") {
    std::string all;
    for (int c = 0; c < 0x80; ++c) {
        all += static_cast<char>(c);
    }
    CHECK(escaped(all) == nlohmann::json(all).dump());
}

TEST_CASE("doubles are written as nlohmann writes them", "[result_json]") {
    for (double value : {0.0, 3.0, -2.5, 0.1, 1e-7, 1e21, 123456789.125}) {
        std::string out;
        append_json_double(out, value);
        CHECK(out == nlohmann::json(value).dump());
    }
}

TEST_CASE("doubles are written in nlohmann's exact form, pinned", "[result_json]") {
    // Pinned strings, so a change of the library's float format shows here
    // and not as a silent change in every result. nlohmann's Grisu2 is not
    // always shortest (3.1322315702267408e+16 has a 16-digit form), which is
    // why std::to_chars cannot stand in for it byte for byte.
    const std::vector<std::pair<double, std::string>> pinned = {
        {0.0, "0.0"},
        {-0.0, "-0.0"},
        {3.0, "3.0"},
        {45.0, "45.0"},
        {-2.0, "-2.0"},
        {1e6, "1000000.0"},
        {123456789.0, "123456789.0"},
        {1e15, "1e+15"},
        {1e16, "1e+16"},
        {0.1, "0.1"},
        {0.43, "0.43"},
        {1e-7, "1e-07"},
        {0.0001, "0.0001"},
        {1e-5, "1e-05"},
        {1e21, "1e+21"},
        {104.36, "104.36"},
        {-2.5, "-2.5"},
        {123456789.125, "123456789.125"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {5e-324, "5e-324"},
        {3.1322315702267408e+16, "3.1322315702267408e+16"},
        {std::numeric_limits<double>::infinity(), "null"},
        {std::numeric_limits<double>::quiet_NaN(), "null"}};
    for (const auto &[value, text] : pinned) {
        std::string out;
        append_json_double(out, value);
        CHECK(out == text);
    }
}

TEST_CASE("doubles match nlohmann's dump over many bit patterns", "[result_json]") {
    std::mt19937_64 bits(22);
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t pattern = bits();
        double value = 0;
        std::memcpy(&value, &pattern, sizeof value);
        if (!std::isfinite(value)) {
            continue;
        }
        std::string out;
        append_json_double(out, value);
        CHECK(out == nlohmann::json(value).dump());
    }
}

TEST_CASE("the writer gives result_to_json's bytes for every public vignette", "[result_json]") {
    const RuleSet &rules = default_rules();
    YAML::Node vignettes =
        YAML::Load(read_file(std::string(SCIATICA_SOURCE_DIR) + "/rules/vignettes/public.yaml"));
    REQUIRE(vignettes.size() >= 15);
    for (const auto &vignette : vignettes) {
        Answers answers =
            parse_answers_document(rules, YAML::Dump(vignette["answers"]), "vignette");
        Result result = evaluate(rules, answers);
        INFO(vignette["name"].as<std::string>());
        CHECK(written(result) == result_to_json(result).dump());
        CHECK(indent_json(written(result)) == result_to_json(result).dump(2));
    }
}

TEST_CASE("every result names the program's and the rule set's versions before the notice",
          "[result_json]") {
    RuleSet rules = small_rules();
    rules.version = "2.3.4";
    Result result = evaluate(rules, no_answers(rules));
    std::string out = written(result);
    std::string expected = ",\"tool_version\":" + escaped(tool_version()) +
                           ",\"rules_version\":\"2.3.4\",\"notice\":";
    CHECK(out.find(expected) != std::string::npos);
    CHECK(!std::string(tool_version()).empty()); // the e2e tests compare it with CMake's
}
