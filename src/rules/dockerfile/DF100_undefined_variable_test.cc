// DF100 undefined-variable
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF100.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF100", {
    Bad("ARG VERSION=1.4.2\nFROM alpine:3.20\nLABEL version=$VERSION\n",
        "ARG VERSION=1.4.2\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n"),
    Bad("FROM alpine:3.20\nCOPY bin/app-${TARGETARCH} /app\n",
        "FROM alpine:3.20\nARG TARGETARCH\nCOPY bin/app-${TARGETARCH} /app\n"),
    Bad("FROM alpine:3.20\nENV APP_HOME=/srv\nWORKDIR $APP_HOEM\n",
        "FROM alpine:3.20\nENV APP_HOME=/srv\nWORKDIR $APP_HOME\n"),
    Bad("FROM alpine:3.20\nWORKDIR $DIR\nENV DIR=/x\n"),
    Bad("FROM scratch\nCOPY app /$DEST/\n"),
    Good("FROM alpine:3.20\nARG TARGETARCH\nCOPY bin/app-${TARGETARCH} /app\n"),
    Good("FROM eclipse-temurin:21\nCOPY app.jar $JAVA_HOME/lib/\n"),
    Good("FROM alpine:3.20\nRUN echo $UNDEFINED\nCMD echo $ALSO\n"),
    Good("FROM alpine:3.20\nARG V\nLABEL v=${V:-1}\n"),
    Good("ARG BASE=alpine:3.20\nFROM $BASE\nENV PATH=/opt/bin:$PATH\n")});

}  // namespace
}  // namespace shipshape
