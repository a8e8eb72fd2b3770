# Writes OUTPUT, a C++ source defining the bytes of INPUT as
#   const char k_embedded_default_rules[] and its size,
# so that the default rule set travels inside the binary.
# Usage: cmake -DINPUT=... -DOUTPUT=... -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('[^']*',){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${INPUT}; do not edit.\n"
    "extern const char k_embedded_default_rules[];\n"
    "extern const unsigned long k_embedded_default_rules_size;\n"
    "const char k_embedded_default_rules[] = {\n${bytes}'\\0'};\n"
    "const unsigned long k_embedded_default_rules_size = ${size};\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
