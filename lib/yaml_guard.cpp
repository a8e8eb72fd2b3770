#include "lib/yaml_guard.hpp"

#include "lib/input.hpp"
#include "lib/text_util.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace sciatica {

namespace {

// Thrown from the event handler to stop the parse at the first nesting level
// past the limit, before yaml-cpp recurses any deeper.
struct TooDeep {
    YAML::Mark mark;
};

// Stops at the first anchor or alias or at too deep a nesting; counts
// documents.
class AnchorFinder : public YAML::EventHandler {
  public:
    explicit AnchorFinder(const char *kind) : m_kind(kind) {}

    std::optional<YAML::Mark> found;
    std::string what;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { note(mark, anchor); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override {
        record(mark, std::string("aliases (*name) are not allowed in ") + m_kind +
                         "; write the value out");
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override {
        note(mark, anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { --m_depth; }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnMapEnd() override { --m_depth; }

  private:
    const char *m_kind;
    int m_depth = 0;

    void open(const YAML::Mark &mark, YAML::anchor_t anchor) {
        note(mark, anchor);
        if (++m_depth > k_max_nesting_depth) {
            throw TooDeep{mark};
        }
    }
    void note(const YAML::Mark &mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            record(mark, std::string("anchors (&name) are not allowed in ") + m_kind +
                             "; write the value out");
        }
    }
    void record(const YAML::Mark &mark, const std::string &message) {
        if (!found) {
            found = mark;
            what = message;
        }
    }
};

Diagnostic error_at(const std::string &file, int line, int column, std::string message) {
    return {Diagnostic::Severity::error, file, line, column, std::move(message)};
}

} // namespace

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

namespace {

std::optional<Diagnostic> check_yaml(std::string_view text, const std::string &file_name,
                                     const char *kind, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        return error_at(file_name, 0, 0,
                        "too large: " + std::string(kind) + " may be at most " +
                            size_text(max_bytes));
    }
    if (std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
        auto [line, column] = line_and_column(text, bad);
        return error_at(file_name, line, column, "the text is not valid UTF-8");
    }
    if (text.find('\0') != std::string_view::npos) {
        auto [line, column] = line_and_column(text, text.find('\0'));
        return error_at(file_name, line, column, "the text contains a NUL byte");
    }
    std::istringstream stream{std::string(text)};
    try {
        YAML::Parser parser(stream);
        AnchorFinder finder(kind);
        int documents = 0;
        while (parser.HandleNextDocument(finder)) {
            if (finder.found) {
                return error_at(file_name, finder.found->line + 1, finder.found->column + 1,
                                finder.what);
            }
            if (++documents > 1) {
                return error_at(file_name, 0, 0,
                                std::string(kind) + " holds one YAML document, not several");
            }
        }
    } catch (const TooDeep &e) {
        return error_at(file_name, e.mark.line + 1, e.mark.column + 1,
                        "nested more than " + std::to_string(k_max_nesting_depth) + " levels deep");
    } catch (const YAML::Exception &e) {
        // Reported in full by the loader's own parse; here it is enough to
        // say where, since the node parse may never get that far.
        return error_at(file_name, e.mark.is_null() ? 0 : e.mark.line + 1,
                        e.mark.is_null() ? 0 : e.mark.column + 1, e.msg);
    }
    return std::nullopt;
}

} // namespace

std::optional<Diagnostic> check_yaml_input(std::string_view text, const std::string &file_name) {
    return check_yaml(text, file_name, "a rule file", k_max_rules_bytes);
}

std::optional<Diagnostic> check_yaml_vignettes(std::string_view text,
                                               const std::string &file_name) {
    return check_yaml(text, file_name, "a vignette file", k_max_rules_bytes);
}

std::optional<Diagnostic> check_yaml_answers(std::string_view text, const std::string &source) {
    return check_yaml(text, source, "answers", k_max_answers_bytes);
}

} // namespace sciatica
