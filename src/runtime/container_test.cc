#include "runtime/container.h"

#include <gtest/gtest.h>

namespace shipshape::runtime {
namespace {

constexpr std::string_view kText = R"({
    "Name": "/web",
    "HostConfig": {
        "Privileged": true,
        "CapAdd": [
            "NET_ADMIN",
            "SYS_ADMIN"
        ],
        "PortBindings": {
            "80/tcp": [
                {
                    "HostIp": "",
                    "HostPort": "8080"
                }
            ]
        },
        "Odd~Key": "x",
        "Esc\"aped\u00e9": 1
    },
    "Empty": {},
    "List": []
}
)";

std::string_view At(TextRange r) { return r.Of(kText); }

TEST(JsonRanges, ScalarMemberCoversKeyAndValue) {
  JsonRanges r = ScanJsonRanges(kText);
  EXPECT_EQ(At(r.Locate("/HostConfig/Privileged")), "\"Privileged\": true");
  EXPECT_EQ(At(r.Locate("/Name")), "\"Name\": \"/web\"");
}

TEST(JsonRanges, ContainersPointAtTheirKey) {
  JsonRanges r = ScanJsonRanges(kText);
  EXPECT_EQ(At(r.Locate("/HostConfig")), "\"HostConfig\"");
  EXPECT_EQ(At(r.Locate("/HostConfig/CapAdd")), "\"CapAdd\"");
  EXPECT_EQ(At(r.Locate("/Empty")), "\"Empty\"");
  ASSERT_NE(r.Find("/List"), nullptr);
  EXPECT_EQ(At(r.Find("/List")->value), "[]");
}

TEST(JsonRanges, ArrayElements) {
  JsonRanges r = ScanJsonRanges(kText);
  EXPECT_EQ(At(r.Locate("/HostConfig/CapAdd/1")), "\"SYS_ADMIN\"");
  // An object element: its opening brace.
  EXPECT_EQ(At(r.Locate("/HostConfig/PortBindings/80~1tcp/0")), "{");
  EXPECT_EQ(At(r.Locate("/HostConfig/PortBindings/80~1tcp/0/HostIp")), "\"HostIp\": \"\"");
}

TEST(JsonRanges, EscapedKeys) {
  JsonRanges r = ScanJsonRanges(kText);
  EXPECT_EQ(JsonPointerAppend("/HostConfig", "Odd~Key"), "/HostConfig/Odd~0Key");
  EXPECT_EQ(JsonPointerAppend("", "80/tcp"), "/80~1tcp");
  EXPECT_EQ(At(r.Locate("/HostConfig/Odd~0Key")), "\"Odd~Key\": \"x\"");
  EXPECT_EQ(At(r.Locate("/HostConfig/Esc\"aped\xC3\xA9")), "\"Esc\\\"aped\\u00e9\": 1");
}

TEST(JsonRanges, MissingFallsBackToDeepestAncestor) {
  JsonRanges r = ScanJsonRanges(kText);
  EXPECT_EQ(At(r.Locate("/HostConfig/Memory")), "\"HostConfig\"");
  EXPECT_EQ(At(r.Locate("/HostConfig/LogConfig/Config")), "\"HostConfig\"");
  EXPECT_EQ(At(r.Locate("/HostConfig/CapAdd/7")), "\"CapAdd\"");
  // No ancestor at all: the container's name.
  EXPECT_EQ(At(r.Locate("/State/Health/Status")), "\"Name\": \"/web\"");
}

TEST(JsonRanges, NoNameFallsBackToFirstByte) {
  JsonRanges r = ScanJsonRanges("{\"A\": 1}");
  EXPECT_EQ(r.Locate("/B"), (TextRange{0, 1}));
  JsonRanges empty = ScanJsonRanges("");
  EXPECT_EQ(empty.Locate("/B"), (TextRange{0, 0}));
}

TEST(JsonRanges, StopsQuietlyOnGarbage) {
  for (std::string_view bad :
       {"{", "{\"a\"", "{\"a\": [1, ", "[\"unterminated", "{\"a\" 1}", "}"}) {
    JsonRanges r = ScanJsonRanges(bad);
    const TextRange at = r.Locate("/a/0");  // Must not crash, and stays inside the text.
    EXPECT_LE(at.start, at.end) << bad;
    EXPECT_LE(at.end, bad.size()) << bad;
  }
}

}  // namespace
}  // namespace shipshape::runtime
