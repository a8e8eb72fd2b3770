#include "cli/reply_words.hpp"

#include "lib/text_util.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <editline/readline.h>
#include <sstream>

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
    char *line = readline(prompt.c_str());
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
