// DF111 add-url-without-checksum
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF111.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF111", {
    Bad("FROM alpine:3.20\nADD https://example.org/tool.tar.gz /opt/\n"),
    Bad("FROM alpine:3.20\nADD http://example.org/a /a\n"),
    Good("FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.org/a /a\n"),
    Good("FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.10.1 /src\n"),
    Good("FROM alpine:3.20\nADD app.tar.gz /opt/\n")});

}  // namespace
}  // namespace shipshape
