// DF020 add-for-local-files
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF020.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF020", {
    Bad("FROM alpine:3.20\nADD app.py /app/\n", "FROM alpine:3.20\nCOPY app.py /app/\n"),
    Bad("from alpine:3.20\nadd a.py /x/\n", "from alpine:3.20\ncopy a.py /x/\n"),
    Bad("FROM alpine:3.20\nADD [\"a b.py\", \"/x/\"]\n",
        "FROM alpine:3.20\nCOPY [\"a b.py\", \"/x/\"]\n"),
    Good("FROM alpine:3.20\nADD rootfs.tar.gz /\n"),
    Good("FROM alpine:3.20\nADD \"vendor.tgz\" deps.tar.xz /opt/\n"),
    Bad("FROM alpine:3.20\nADD rootfs.tar.gz notes.txt /x/\n",
        "FROM alpine:3.20\nCOPY rootfs.tar.gz notes.txt /x/\n"),
    Bad("FROM alpine:3.20\nADD bundle.zip /x/\n", "FROM alpine:3.20\nCOPY bundle.zip /x/\n"),
    Bad("FROM alpine:3.20\nADD ${PKG} /x/\n", "FROM alpine:3.20\nCOPY ${PKG} /x/\n"),
    Bad("FROM alpine:3.20\nONBUILD ADD . /src\n", "FROM alpine:3.20\nONBUILD COPY . /src\n"),
    Good("FROM alpine:3.20\nADD https://example.org/a.tgz /x/\n"),
    Good("FROM alpine:3.20\nADD --checksum=sha256:abc https://e.org/a /x\n"),
    Good("FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n"),
    Good("FROM alpine:3.20\nCOPY app.py /app/\n")});

}  // namespace
}  // namespace shipshape
