// DF076 cargo-install-without-locked
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF076.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF076", {
    Bad("FROM rust:1.80\nRUN cargo install ripgrep --version 14.1.0\n",
        "FROM rust:1.80\nRUN cargo install --locked ripgrep --version 14.1.0\n"),
    Bad("FROM rust:1.80\nRUN cargo install --path .\n",
        "FROM rust:1.80\nRUN cargo install --locked --path .\n"),
    Good("FROM rust:1.80\nRUN cargo install --locked ripgrep\n"),
    Good("FROM rust:1.80\nRUN cargo build --release\n")});

}  // namespace
}  // namespace shipshape
