// Build helper: loads and validates a rule set from YAML and writes it, in
// the compact form of lib/rules_blob.hpp, as a C++ source defining
//   const unsigned char k_embedded_default_rules_blob[] and its size.
// Usage: compile_rules INPUT.yaml OUTPUT.cpp. A rule set with errors fails the
// build with the loader's message.

#include "lib/error.hpp"
#include "lib/loader.hpp"
#include "lib/rules_blob.hpp"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace {

constexpr const char *k_embedded_name = "<embedded>/default.yaml";

} // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: compile_rules INPUT.yaml OUTPUT.cpp\n");
        return 64;
    }
    try {
        std::string blob = sciatica::serialize_rules(
            sciatica::load_rules(sciatica::read_file(argv[1]), k_embedded_name));
        std::string temporary = std::string(argv[2]) + ".tmp";
        std::ofstream out(temporary, std::ios::binary);
        out << "// Generated from " << argv[1] << " by compile_rules; do not edit.\n"
            << "extern const unsigned char k_embedded_default_rules_blob[];\n"
            << "extern const unsigned long k_embedded_default_rules_blob_size;\n"
            << "const unsigned char k_embedded_default_rules_blob[] = {\n";
        for (std::size_t i = 0; i < blob.size(); ++i) {
            out << static_cast<unsigned>(static_cast<unsigned char>(blob[i]))
                << (i % 24 == 23 ? ",\n" : ",");
        }
        out << "0};\nconst unsigned long k_embedded_default_rules_blob_size = " << blob.size()
            << ";\n";
        out.close();
        if (!out || std::rename(temporary.c_str(), argv[2]) != 0) {
            std::fprintf(stderr, "compile_rules: cannot write %s\n", argv[2]);
            return 74;
        }
    } catch (const sciatica::Error &e) {
        // The loader names the file as the binary will ("<embedded>/..."),
        // since the name may be kept in the rule set; the author needs the
        // real path, to open the file at the line.
        std::string message = e.what();
        if (message.rfind(k_embedded_name, 0) == 0) {
            message = argv[1] + message.substr(std::strlen(k_embedded_name));
        }
        std::fprintf(stderr, "compile_rules: error: %s\n", message.c_str());
        return 65;
    }
    return 0;
}
