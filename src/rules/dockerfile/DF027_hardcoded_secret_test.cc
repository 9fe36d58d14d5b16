// DF027 hardcoded-secret
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF027.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF027", {
    Bad("FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAZ2XQ3R5TLMN7PQ8W\n"),
    Bad("FROM alpine:3.20\nRUN git clone https://ci:ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8@github.com/o/r\n"),
    Bad("FROM alpine:3.20\nENV DATABASE_URL=postgres://app:s3cr3tPw@db:5432/app\n"),
    Bad("FROM alpine:3.20\nARG API_SECRET=\"q8Zr2LmX9vT4wK7pN3sJ\"\n"),
    Bad("FROM alpine:3.20\nCOPY <<EOF /root/.ssh/id_rsa\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----\nEOF\n"),
    Good("FROM alpine:3.20\nENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db/app\n"),
    Good("FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"),
    Good("FROM alpine:3.20\nENV NODE_VERSION=22.11.0 BUILD_SHA=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b\n"),
    Good("FROM alpine:3.20\nARG API_TOKEN\n"),
    Good("FROM swift:6\nARG SWIFT_SIGNING_KEY=A62AE125BBBFBB96A6E042EC925CC1CCED3D1561\n")});

}  // namespace
}  // namespace shipshape
