#include "lib/error.hpp"
#include "lib/yaml_reader.hpp"

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

using namespace sciatica;

namespace {

// The messages a collecting reader reports while `read` runs on `yaml`.
template <typename F> std::vector<std::string> problems(const std::string &yaml, F read) {
    std::vector<Diagnostic> diagnostics;
    YamlReader in("f.yaml", diagnostics);
    YAML::Node root;
    REQUIRE(in.load(yaml, YamlReader::Input::rules, root));
    read(in, root);
    std::vector<std::string> out;
    for (const auto &d : diagnostics) {
        out.push_back(d.without_severity());
    }
    return out;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("check_keys reports every unknown, repeated and missing key in one pass",
          "[yaml_reader]") {
    auto found = problems("nme: a\nname: b\nname: c\n", [](YamlReader &in, const YAML::Node &n) {
        in.check_keys(n, {"name", "id"}, {"id"});
    });
    CHECK(found == Lines{"f.yaml:1:1: unknown key 'nme' (did you mean 'name'?)",
                         "f.yaml:3:1: duplicate key 'name'", "f.yaml:1:1: missing key 'id'"});
}

TEST_CASE("numbers and booleans must be written plainly, not quoted or as yes", "[yaml_reader]") {
    auto found = problems("a: '3'\nb: yes\nc: 2.5\n", [](YamlReader &in, const YAML::Node &n) {
        CHECK_FALSE(in.number(n["a"], "'a'"));
        CHECK_FALSE(in.boolean(n["b"], "'b'"));
        CHECK(in.number(n["c"], "'c'") == 2.5);
    });
    CHECK(found ==
          Lines{"f.yaml:1:4: 'a' must be a number", "f.yaml:2:4: 'b' must be true or false"});
}

TEST_CASE("a reference names the nearest id, or says what it must be", "[yaml_reader]") {
    std::vector<std::string> ids = {"soon", "emergency"};
    auto found =
        problems("a: son\nb: [soon]\nc: emergency\n", [&ids](YamlReader &in, const YAML::Node &n) {
            CHECK(in.reference(n["a"], ids, "urgency") == -1);
            CHECK(in.reference(n["b"], ids, "urgency") == -1);
            CHECK(in.reference(n["c"], ids, "urgency") == 1);
        });
    CHECK(found == Lines{"f.yaml:1:4: unknown urgency 'son' (did you mean 'soon'?)",
                         "f.yaml:2:4: an urgency must be one of the urgency ids"});
}

TEST_CASE("a stopping reader throws the first problem with its position and excerpt",
          "[yaml_reader]") {
    std::vector<Diagnostic> diagnostics;
    YamlReader in("f.yaml", diagnostics, YamlReader::Mode::stop);
    YAML::Node root;
    std::string text = "a: 1\nb: [x]\n";
    REQUIRE(in.load(text, YamlReader::Input::rules, root));
    try {
        in.text(root, "b");
        FAIL("no error");
    } catch (const Error &e) {
        CHECK(std::string(e.what()) == "f.yaml:2:4: 'b' must be text");
        CHECK(e.detail() == "b: [x]\n   ^\n");
    }
}
