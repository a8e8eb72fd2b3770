#include "yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>

namespace sciatica {

namespace {

// Stops at the first anchor or alias; counts documents.
class AnchorFinder : public YAML::EventHandler {
  public:
    std::optional<YAML::Mark> found;
    std::string what;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override { note(mark, anchor); }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override {
        record(mark, "aliases (*name) are not allowed in a rule file; write the value out");
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override {
        note(mark, anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        note(mark, anchor);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        note(mark, anchor);
    }
    void OnMapEnd() override {}

  private:
    void note(const YAML::Mark &mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) {
            record(mark, "anchors (&name) are not allowed in a rule file; write the value out");
        }
    }
    void record(const YAML::Mark &mark, const char *message) {
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

std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned min = 0;
        if (byte < 0x80) {
            ++i;
            continue;
        } else if ((byte & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
        } else if ((byte & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + length > text.size()) {
            return i;
        }
        unsigned code = byte & (0x7F >> length);
        for (std::size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                return i;
            }
            code = (code << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and values past Unicode are not UTF-8.
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
            return i;
        }
        i += length;
    }
    return std::string_view::npos;
}

std::optional<Diagnostic> check_yaml_input(std::string_view text, const std::string &file_name) {
    if (text.size() > k_max_rules_bytes) {
        return error_at(file_name, 0, 0,
                        "the file is " + std::to_string(text.size() / 1024) +
                            " KiB; a rule file may be at most " +
                            std::to_string(k_max_rules_bytes / 1024) + " KiB");
    }
    if (std::size_t bad = first_invalid_utf8(text); bad != std::string_view::npos) {
        auto [line, column] = line_and_column(text, bad);
        return error_at(file_name, line, column, "the file is not valid UTF-8 text");
    }
    if (text.find('\0') != std::string_view::npos) {
        auto [line, column] = line_and_column(text, text.find('\0'));
        return error_at(file_name, line, column, "the file contains a NUL byte");
    }
    std::istringstream stream{std::string(text)};
    try {
        YAML::Parser parser(stream);
        AnchorFinder finder;
        int documents = 0;
        while (parser.HandleNextDocument(finder)) {
            if (finder.found) {
                return error_at(file_name, finder.found->line + 1, finder.found->column + 1,
                                finder.what);
            }
            if (++documents > 1) {
                return error_at(file_name, 0, 0,
                                "a rule file holds one YAML document, not several");
            }
        }
    } catch (const YAML::Exception &e) {
        // Reported in full by the loader's own parse; here it is enough to
        // say where, since the node parse may never get that far.
        return error_at(file_name, e.mark.is_null() ? 0 : e.mark.line + 1,
                        e.mark.is_null() ? 0 : e.mark.column + 1, e.msg);
    }
    return std::nullopt;
}

} // namespace sciatica
