// DF002 latest-base-image-tag
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF002.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF002", {
    Bad("FROM node:latest\n", "FROM node:22\n"),
    Bad("FROM alpine:latest AS tools\nFROM tools\n", "FROM alpine:3.22 AS tools\nFROM tools\n"),
    Bad("FROM example.com/tools:latest\n"), Bad("FROM mysql:latest\n"), Bad("ARG TAG=latest\nFROM nginx:${TAG}\n"),
    Good("FROM node:22\n"),
    Good("FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"),
    Good("ARG TAG\nFROM nginx:$TAG\n")});

}  // namespace
}  // namespace shipshape
