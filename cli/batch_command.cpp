// `sciatica batch`: JSON Lines in, one result per line out, in input order.
// Built for volume: one rule set, one parser and one writer for the whole
// stream, buffers reused from line to line, so memory stays flat.

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "lib/answer_line.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/input.hpp"
#include "lib/result_json.hpp"
#include "lib/text_util.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <string>
#include <unistd.h>
#include <vector>

namespace sciatica::cli {

namespace {

// Lines longer than this are reported, not read: a runaway line must not
// make memory grow with it.
constexpr std::size_t k_max_line = 1 << 20;
constexpr std::size_t k_read_size = 1 << 16;
constexpr std::size_t k_flush_size = 1 << 16;

// Splits a file descriptor into lines without holding more than one line
// (plus one read) in memory.
class LineReader {
  public:
    LineReader(int fd, std::string name) : m_fd(fd), m_name(std::move(name)) {}

    // The next physical line, without its newline; false at the end. `too_long`
    // is set when the line passed k_max_line (its text is then empty).
    bool next(std::string_view &line, bool &too_long) {
        too_long = false;
        for (;;) {
            auto newline = m_buffer.find('\n', m_scan);
            if (newline != std::string::npos) {
                line = std::string_view(m_buffer).substr(m_start, newline - m_start);
                too_long = m_skipping;
                if (m_skipping) {
                    line = {};
                }
                m_skipping = false;
                m_start = m_scan = newline + 1;
                return true;
            }
            m_scan = m_buffer.size();
            if (m_scan - m_start > k_max_line) {
                m_skipping = true; // keep reading, drop the text
                m_buffer.clear();
                m_start = m_scan = 0;
            }
            if (!fill()) {
                if (m_start == m_buffer.size() && !m_skipping) {
                    return false;
                }
                line = m_skipping ? std::string_view() : std::string_view(m_buffer).substr(m_start);
                too_long = m_skipping;
                m_skipping = false;
                m_start = m_scan = m_buffer.size();
                return true;
            }
        }
    }

  private:
    bool fill() {
        m_buffer.erase(0, m_start);
        m_scan -= m_start;
        m_start = 0;
        std::size_t old_size = m_buffer.size();
        m_buffer.resize(old_size + k_read_size);
        ssize_t got = -1;
        do {
            got = ::read(m_fd, m_buffer.data() + old_size, k_read_size);
        } while (got < 0 && errno == EINTR);
        if (got < 0) {
            throw Error(ErrorKind::no_input, m_name + ": cannot read: " + std::strerror(errno));
        }
        m_buffer.resize(old_size + static_cast<std::size_t>(got));
        return got > 0;
    }

    int m_fd;
    std::string m_name;
    std::string m_buffer;
    std::size_t m_start = 0; // where the current line begins
    std::size_t m_scan = 0;  // how far the buffer is known to hold no newline
    bool m_skipping = false;
};

// Collects output and writes it to standard output in large blocks.
class Output {
  public:
    std::string &buffer() { return m_buffer; }

    void maybe_flush() {
        if (m_buffer.size() >= k_flush_size) {
            flush();
        }
    }

    // Throws OutputClosed when the reader has gone (cli/output.hpp).
    void flush() {
        write_stdout(m_buffer);
        m_buffer.clear();
    }

  private:
    std::string m_buffer;
};

// Cases done and cases per second on standard error, for a person watching.
class Progress {
  public:
    Progress() : m_enabled(isatty(STDERR_FILENO) != 0), m_start(Clock::now()), m_last(m_start) {}

    void tick(std::size_t cases) {
        if (!m_enabled || cases % 1024 != 0) {
            return;
        }
        auto now = Clock::now();
        if (now - m_last >= std::chrono::milliseconds(500)) {
            m_last = now;
            show(cases, now);
        }
    }

    // The final count, always, so a person sees how many went through.
    void finish(std::size_t cases) {
        if (m_enabled) {
            show(cases, Clock::now());
            std::fputc('\n', stderr);
        }
    }

  private:
    using Clock = std::chrono::steady_clock;

    void show(std::size_t cases, Clock::time_point now) const {
        double seconds = std::chrono::duration<double>(now - m_start).count();
        std::fprintf(stderr, "\rsciatica: %zu cases, %.0f cases/s ", cases,
                     seconds > 0 ? static_cast<double>(cases) / seconds : 0.0);
    }

    bool m_enabled;
    Clock::time_point m_start;
    Clock::time_point m_last;
};

void append_error_line(std::string &out, std::size_t line, const std::string &message) {
    out += "{\"line\":";
    out += std::to_string(line);
    out += ",\"error\":";
    // One line of valid UTF-8 whatever bytes the message repeats from the input.
    constexpr std::size_t k_max_message_bytes = 1000;
    append_json_string(out, printable(message, k_max_message_bytes));
    out += "}\n";
}

struct Counts {
    std::size_t cases = 0;
    std::size_t failed = 0;
};

Counts run_lines(const RuleSet &rules, LineReader &reader, const std::string &name,
                 Output &output) {
    AnswerLineParser parser(rules);
    ResultWriter writer(rules);
    AnswerLine parsed;
    Result result;
    Progress progress;
    Counts counts;
    std::string_view line;
    bool too_long = false;
    for (std::size_t number = 1; reader.next(line, too_long); ++number) {
        if (!too_long && line.find_first_not_of(" \t\r") == std::string_view::npos) {
            continue; // blank
        }
        ++counts.cases;
        try {
            if (too_long) {
                throw Error(ErrorKind::data, name + ":" + std::to_string(number) +
                                                 ": the line is longer than " +
                                                 std::to_string(k_max_line) + " bytes");
            }
            if (!parser.try_parse(line, parsed)) {
                parser.parse(line, name + ":" + std::to_string(number), parsed);
            }
            evaluate(rules, parsed.answers, result);
            writer.append(result, output.buffer(), parsed.case_id_json);
            output.buffer() += '\n';
        } catch (const Error &e) {
            ++counts.failed;
            append_error_line(output.buffer(), number, e.what());
        }
        output.maybe_flush();
        progress.tick(counts.cases);
    }
    output.flush();
    progress.finish(counts.cases);
    return counts;
}

void run_batch(Context &context, const std::string &path) {
    const RuleSet &rules = context.rules();
    bool from_stdin = path == "-";
    int fd = from_stdin ? STDIN_FILENO : open_for_reading(path);
    std::unique_ptr<int, void (*)(int *)> closer(from_stdin ? nullptr : &fd,
                                                 [](int *f) { ::close(*f); });
    std::string name = from_stdin ? "<stdin>" : path;
    LineReader reader(fd, name);
    Output output;
    Counts counts;
    try {
        counts = run_lines(rules, reader, name, output);
    } catch (const OutputClosed &) {
        return; // a reader that stops early (`| head`) is not an error
    } catch (const Error &) {
        // A read error: keep the results already made, then report it.
        try {
            output.flush();
        } catch (...) {
        }
        throw;
    }
    if (counts.failed > 0) {
        throw Error(ErrorKind::data, std::to_string(counts.failed) + " of " +
                                         std::to_string(counts.cases) +
                                         " cases could not be checked; see the \"error\" lines");
    }
}

} // namespace

void add_batch_command(CLI::App &app, Context &context) {
    auto path = std::make_shared<std::string>("-");
    CLI::App *batch = app.add_subcommand(
        "batch", "Check many cases: JSON Lines of answers in, one JSON result per line out");
    batch
        ->add_option("file", *path,
                     "A JSON Lines file, one answers object per line; - (the "
                     "default) reads standard input")
        ->type_name("FILE|-");
    batch->footer("Each line is an object of question id to value, as for check --answers, with "
                  "an optional \"case_id\" that is echoed back. A bad line gives "
                  "{\"line\": N, \"error\": \"...\"} in its place; the exit code is then 65.\n"
                  "Example:\n  sciatica batch cases.jsonl > results.jsonl");
    batch->callback([&context, path] { run_batch(context, *path); });
}

} // namespace sciatica::cli
