// DF025 maintainer-deprecated
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF025.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF025", {
    Bad("FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n"),
    Bad("FROM alpine:3.20\nmaintainer \"Joe \\\"J\\\" $USER\"\n",
        "FROM alpine:3.20\nlabel org.opencontainers.image.authors=\"Joe \\\\\\\"J\\\\\\\" \\$USER\"\n"),
    Bad("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=x\nMAINTAINER x\n",
        "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=x\n"),
    Good("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane\"\n"),
    Good("FROM alpine:3.20\nLABEL maintainer=\"Jane\"\n")});

}  // namespace
}  // namespace shipshape
