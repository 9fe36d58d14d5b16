// DC049 unused-top-level-resource
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC049.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC049", {
    Bad("services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/data\nvolumes:\n  db-data:\n  dbdata:\n",
        "services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/data\nvolumes:\n  db-data:\n"),
    Bad("services:\n  db:\n    image: postgres:16\nnetworks:\n  back:\n    driver: bridge\n",
        "services:\n  db:\n    image: postgres:16\n"),
    Good("services:\n  db:\n    image: postgres:16\n    networks: [back]\n    secrets:\n      - source: pw\nnetworks:\n  back:\n  default:\n"
         "    name: x\nsecrets:\n  pw:\n    file: ./pw.txt\n"),
    Good("services:\n  db:\n    image: postgres:16\n    volumes:\n      - ${VOL}:/data\nvolumes:\n  a:\n")});

}  // namespace
}  // namespace shipshape
