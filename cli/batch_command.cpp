// `sciatica batch`: JSON Lines in, one result per line out, in input order.
// Built for volume: one rule set, one parser and one writer for the whole
// stream, buffers reused from line to line, so memory stays flat.

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/format.hpp"
#include "cli/output.hpp"
#include "lib/answer_line.hpp"
#include "lib/engine.hpp"
#include "lib/error.hpp"
#include "lib/fhir.hpp"
#include "lib/input.hpp"
#include "lib/limits.hpp"
#include "lib/result_json.hpp"
#include "lib/text_util.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <poll.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace sciatica::cli {

namespace {

// A line longer than an answers document may be is reported, not read, and
// ends the batch: memory must not grow with a runaway line, and an endless
// one (/dev/zero) must not keep it reading forever.
constexpr std::size_t k_max_line = k_max_answers_bytes;
constexpr std::size_t k_read_size = 1 << 16;
constexpr std::size_t k_flush_size = 1 << 16;

// The signal (SIGINT, SIGTERM) that asked batch to stop, or 0. The current
// line is finished and whole lines flushed before it ends.
volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void note_stop_signal(int signal_number) {
    g_stop_signal = signal_number;
}

// Installs note_stop_signal for SIGINT and SIGTERM while it lives, without
// SA_RESTART, so a read waiting for input returns at once; and a write to a
// reader that has stalled gives up soon after (stop_writes_on).
class StopOnSignal {
  public:
    StopOnSignal() {
        struct sigaction action {};
        action.sa_handler = note_stop_signal;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &m_old_int);
        sigaction(SIGTERM, &action, &m_old_term);
        stop_writes_on(&g_stop_signal);
    }
    StopOnSignal(const StopOnSignal &) = delete;
    StopOnSignal &operator=(const StopOnSignal &) = delete;
    ~StopOnSignal() {
        stop_writes_on(nullptr);
        sigaction(SIGINT, &m_old_int, nullptr);
        sigaction(SIGTERM, &m_old_term, nullptr);
    }

  private:
    struct sigaction m_old_int {};
    struct sigaction m_old_term {};
};

// Splits a file descriptor into lines without holding more than one line
// (plus one read) in memory.
class LineReader {
  public:
    // `before_wait` runs when the next read would block (nothing is waiting
    // in a pipe or terminal): the moment to flush results already made.
    LineReader(int fd, std::string name, std::function<void()> before_wait)
        : m_fd(fd), m_name(std::move(name)), m_before_wait(std::move(before_wait)) {}

    // The next physical line, without its newline; false at the end or when
    // a stop signal came. `too_long` is set when the line passes k_max_line,
    // however it arrived (its text is then empty, and the caller stops).
    bool next(std::string_view &line, bool &too_long) {
        too_long = false;
        for (;;) {
            auto newline = m_buffer.find('\n', m_scan);
            std::size_t end = newline == std::string::npos ? m_buffer.size() : newline;
            if (end - m_start > k_max_line) {
                too_long = true;
                line = {};
                return true;
            }
            if (newline != std::string::npos) {
                line = std::string_view(m_buffer).substr(m_start, newline - m_start);
                m_start = m_scan = newline + 1;
                return true;
            }
            m_scan = m_buffer.size();
            if (!fill()) {
                if (m_start == m_buffer.size() || g_stop_signal != 0) {
                    return false;
                }
                line = std::string_view(m_buffer).substr(m_start);
                m_start = m_scan = m_buffer.size();
                return true;
            }
        }
    }

  private:
    bool would_block() const {
        struct pollfd poller {};
        poller.fd = m_fd;
        poller.events = POLLIN;
        return ::poll(&poller, 1, 0) == 0;
    }

    bool fill() {
        m_buffer.erase(0, m_start);
        m_scan -= m_start;
        m_start = 0;
        if (g_stop_signal != 0) {
            return false;
        }
        if (would_block()) {
            m_before_wait();
        }
        std::size_t old_size = m_buffer.size();
        m_buffer.resize(old_size + k_read_size);
        ssize_t got = ::read(m_fd, m_buffer.data() + old_size, k_read_size);
        while (got < 0 && errno == EINTR && g_stop_signal == 0) {
            got = ::read(m_fd, m_buffer.data() + old_size, k_read_size);
        }
        if (got < 0 && errno == EINTR) {
            got = 0; // stopped by a signal: as if the input ended here
        }
        if (got < 0) {
            throw Error(ErrorKind::no_input, m_name + ": cannot read: " + std::strerror(errno));
        }
        m_buffer.resize(old_size + static_cast<std::size_t>(got));
        return got > 0;
    }

    int m_fd;
    std::string m_name;
    std::function<void()> m_before_wait;
    std::string m_buffer;
    std::size_t m_start = 0; // where the current line begins
    std::size_t m_scan = 0;  // how far the buffer is known to hold no newline
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
    // schema_version first, as on every JSON line the tool writes.
    out += "{\"schema_version\":" + std::to_string(k_result_schema_version) + ",\"line\":";
    out += std::to_string(line);
    out += ",\"error\":";
    // One line of valid UTF-8 whatever bytes the message repeats from the input.
    constexpr std::size_t k_max_message_bytes = 1000;
    append_json_string(out, printable(message, k_max_message_bytes));
    out += "}\n";
}

// The FHIR form of one line: its Bundle, or an OperationOutcome for a bad one.
void append_fhir_line(const Result &result, const AnswerLine &parsed, const std::string &subject,
                      std::string &out) {
    FhirCheck check = fhir_check_now(subject);
    if (!parsed.case_id_json.empty()) {
        auto id = nlohmann::json::parse(parsed.case_id_json);
        check.identifier = id.is_string() ? id.get<std::string>() : parsed.case_id_json;
    }
    out += fhir_bundle(result, own_answers(result), check).dump();
    out += '\n';
}

void append_fhir_error_line(std::string &out, std::size_t line, const std::string &message) {
    constexpr std::size_t k_max_message_bytes = 1000;
    out += fhir_outcome("line " + std::to_string(line) + ": " +
                        printable(message, k_max_message_bytes))
               .dump();
    out += '\n';
}

// What batch writes: its JSON results, or with `fhir` a Bundle per line.
struct BatchOptions {
    std::string path = "-";
    bool line_buffered = false;
    std::string format = "json";
    std::string subject;
};

struct Counts {
    std::size_t cases = 0;
    std::size_t failed = 0;
    std::size_t too_long_line = 0; // the line that stopped the batch, or 0
};

// Counts into `counts`, which stay right when a write throws.
void run_lines(const RuleSet &rules, LineReader &reader, const std::string &name, Output &output,
               const BatchOptions &options, Counts &counts) {
    bool line_buffered = options.line_buffered;
    bool fhir = options.format == "fhir";
    AnswerLineParser parser(rules);
    ResultWriter writer(rules);
    AnswerLine parsed;
    Result result;
    Progress progress;
    std::string_view line;
    bool too_long = false;
    for (std::size_t number = 1; g_stop_signal == 0 && reader.next(line, too_long); ++number) {
        if (!too_long && line.find_first_not_of(" \t\r") == std::string_view::npos) {
            continue; // blank
        }
        ++counts.cases;
        try {
            if (too_long) {
                counts.too_long_line = number;
                throw Error(ErrorKind::data, name + ":" + std::to_string(number) +
                                                 ": the line is longer than " +
                                                 std::to_string(k_max_line) + " bytes");
            }
            if (!parser.try_parse(line, parsed)) {
                parser.parse(line, name + ":" + std::to_string(number), parsed);
            }
            evaluate(rules, parsed.answers, result);
            if (fhir) {
                append_fhir_line(result, parsed, options.subject, output.buffer());
            } else {
                writer.append(result, output.buffer(), parsed.case_id_json);
                output.buffer() += '\n';
            }
        } catch (const Error &e) {
            ++counts.failed;
            if (fhir) {
                append_fhir_error_line(output.buffer(), number, e.what());
            } else {
                append_error_line(output.buffer(), number, e.what());
            }
        }
        if (too_long) {
            break;
        }
        if (line_buffered) {
            output.flush();
        } else {
            output.maybe_flush();
        }
        progress.tick(counts.cases);
    }
    output.flush();
    progress.finish(counts.cases);
}

const char *signal_name(int signal_number) {
    return signal_number == SIGINT ? "SIGINT" : "SIGTERM";
}

int signal_exit(int signal_number) {
    return signal_number == SIGINT ? k_exit_interrupted : k_exit_terminated;
}

void run_batch(Context &context, const BatchOptions &options) {
    const RuleSet &rules = context.rules();
    const std::string &path = options.path;
    bool from_stdin = path == "-";
    if (from_stdin) {
        claim_stdin("the cases");
    }
    int fd = from_stdin ? STDIN_FILENO : open_for_reading(path);
    std::unique_ptr<int, void (*)(int *)> closer(from_stdin ? nullptr : &fd,
                                                 [](int *f) { ::close(*f); });
    std::string name = from_stdin ? "<stdin>" : path;
    Output output;
    // A co-process that writes a line and waits for its result must get it:
    // whatever is made is flushed whenever the input has nothing more ready.
    LineReader reader(fd, name, [&output] { output.flush(); });
    StopOnSignal stop_on_signal;
    Counts counts;
    try {
        run_lines(rules, reader, name, output, options, counts);
    } catch (const OutputInterrupted &) {
        // Stopped while the reader of standard output took nothing more.
        std::fprintf(stderr,
                     "sciatica: error: interrupted by %s after %zu cases; standard output was "
                     "not being read, so some of their results were not written\n",
                     signal_name(g_stop_signal), counts.cases);
        throw ExitWith{signal_exit(g_stop_signal)};
    } catch (const OutputClosed &) {
        if (g_stop_signal != 0) {
            throw Error(ErrorKind::io, std::string("interrupted by ") +
                                           signal_name(g_stop_signal) + " after " +
                                           std::to_string(counts.cases) +
                                           " cases, and standard output was closed before "
                                           "their results were written");
        }
        return; // a reader that stops early (`| head`) is not an error
    } catch (const Error &) {
        // A read error: keep the results already made, then report it.
        try {
            output.flush();
        } catch (...) {
        }
        throw;
    }
    if (int signal_number = g_stop_signal; signal_number != 0) {
        std::fprintf(
            stderr,
            "sciatica: error: interrupted by %s after %zu cases; their results were written\n",
            signal_name(signal_number), counts.cases);
        throw ExitWith{signal_exit(signal_number)};
    }
    if (counts.too_long_line != 0) {
        throw Error(ErrorKind::data, name + ":" + std::to_string(counts.too_long_line) +
                                         ": the line is longer than " + std::to_string(k_max_line) +
                                         " bytes; stopped reading there");
    }
    if (counts.failed > 0) {
        throw Error(ErrorKind::data, std::to_string(counts.failed) + " of " +
                                         std::to_string(counts.cases) +
                                         " cases could not be checked; see the \"error\" lines");
    }
}

} // namespace

void add_batch_command(CLI::App &app, Context &context) {
    auto options = std::make_shared<BatchOptions>();
    CLI::App *batch = app.add_subcommand(
        "batch", "Check many cases: JSON Lines of answers in, one JSON result per line out");
    add_file_option(*batch, "file", options->path,
                    "A JSON Lines file, one answers object per line; - (the default) reads "
                    "standard input",
                    "FILE|-");
    batch->footer("Each line is an object of question id to value, as for check --answers, with "
                  "an optional \"case_id\" that is echoed back. A bad line gives "
                  "{\"schema_version\": 1, \"line\": N, \"error\": \"...\"} in its place (with --format fhir, an "
                  "OperationOutcome); the exit code is then 65.\n"
                  "Example:\n  sciatica batch cases.jsonl > results.jsonl");
    add_json_lines_options(*batch, options->format, options->subject, "line");
    batch->add_flag("--line-buffered", options->line_buffered,
                    "Write each result as soon as it is made (results are also written whenever "
                    "the input has no more lines ready)");
    batch->callback([&context, options] { run_batch(context, *options); });
}

} // namespace sciatica::cli
