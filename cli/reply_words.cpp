#include "cli/reply_words.hpp"

#include "lib/text_util.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <editline/readline.h>
#include <sstream>
#include <termios.h>
#include <unistd.h>

namespace sciatica::cli {

// One line typed at the terminal, edited with libedit (arrow keys, Home,
// End, Backspace), without its newline; std::nullopt at end of input
// (Ctrl-D on an empty line). `prompt` goes to standard error, never to
// standard output, which carries only the result.
std::optional<std::string> read_line(const std::string &prompt) {
    static bool ready = false;
    if (!ready) {
        rl_instream = stdin;
        rl_outstream = stderr;
        rl_inhibit_completion = 1; // Tab is not a file name here
        rl_initialize();
        ready = true;
    }
    // Out of line mode before the prompt, not after it. The editor writes
    // its prompt and only then leaves line mode, and a key sent in between
    // (a person or a script that answers as soon as the prompt shows) went
    // to the terminal's line discipline instead: Ctrl-D there came through
    // as a NUL byte, and the interview waited for ever.
    // It stays out of line mode after the reply too: in line mode a reply
    // typed before the next prompt (typed ahead, or sent by a script at
    // once) was echoed by the terminal, and again by the editor when it read
    // it. The editor puts back the mode it found on return (after a moment
    // in line mode of its own), and this makes sure of it; the caller puts
    // back the person's mode when the questions end.
    termios keys{};
    const bool terminal = tcgetattr(STDIN_FILENO, &keys) == 0;
    if (terminal) {
        keys.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
        keys.c_cc[VMIN] = 1;
        keys.c_cc[VTIME] = 0;
        tcsetattr(STDIN_FILENO, TCSANOW, &keys);
    }
    char *line = readline(prompt.c_str());
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &keys);
    }
    if (line == nullptr) {
        return std::nullopt;
    }
    std::string out(line);
    std::free(line);
    return out;
}

// The words the rule set lists for a reply (texts yes_words, no_words,
// unsure_words): comma-separated, compared after normalised().
std::vector<std::string> word_list(const RuleSet &rules, const char *key) {
    std::vector<std::string> out;
    std::istringstream in(text_of(rules.texts, key));
    std::string word;
    while (std::getline(in, word, ',')) {
        word = trim(word);
        if (!word.empty()) {
            out.push_back(word);
        }
    }
    return out;
}

// A reply as the word lists spell it: lower case, a typographic apostrophe
// as ', spaces collapsed, and a full stop or exclamation mark at the end
// dropped ("Nope." is "nope").
std::string normalised(const std::string &line) {
    std::string text = line;
    for (std::size_t at = text.find("\u2019"); at != std::string::npos; at = text.find("\u2019")) {
        text.replace(at, 3, "'");
    }
    text = lower(trim(text));
    while (!text.empty() && (text.back() == '.' || text.back() == '!')) {
        text.pop_back();
    }
    std::string out;
    for (char c : text) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) {
            continue;
        }
        out += c;
    }
    return std::string(trim(out));
}

bool listed(const std::vector<std::string> &words, const std::string &reply) {
    return std::find(words.begin(), words.end(), reply) != words.end();
}

} // namespace sciatica::cli
