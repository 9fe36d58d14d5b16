// DF001 untagged-base-image
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF001.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF001", {
    Bad("FROM alpine\nRUN echo hi\n", "FROM alpine:3.22\nRUN echo hi\n"),
    Bad("FROM docker.io/library/ubuntu AS base\n", "FROM docker.io/library/ubuntu:24.04 AS base\n"),
    WithConfig([](Config& c) { c.image_pins["golang"] = "1.25"; },
               Bad("FROM --platform=$BUILDPLATFORM golang\n", "FROM --platform=$BUILDPLATFORM golang:1.25\n")),
    Bad("FROM example.com/team/base\n"),
    Bad("FROM python\n"), Bad("ARG BASE=ubuntu\nFROM ${BASE}\n"),
    Bad("FROM postgres\nCOPY init.sql /docker-entrypoint-initdb.d/\n"),
    Bad("FROM ghcr.io/org/app AS run\n"),
    Good("FROM python:3.12\n"), Good("FROM scratch\n"),
    Good("FROM golang:1.22 AS build\nFROM build\n"),
    Good("ARG BASE\nFROM $BASE\n"),
    Good("FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"),
    Good("FROM localhost:5000/app:1.0\n")});

}  // namespace
}  // namespace shipshape
