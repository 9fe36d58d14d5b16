// DF152 end-of-life-base-image
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF152.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF152", {
    Bad("FROM node:8\n"),
    Bad("FROM node:16.20.2-alpine AS build\nFROM nginx:1.27\nCOPY --from=build /app /usr/share/nginx/html\n"),
    Bad("FROM postgres:9.4\n"),
    Bad("FROM java:8\n"),
    Bad("FROM openjdk:8-jre-alpine\n"),
    Bad("FROM ubuntu:18.04\n"),
    Bad("FROM debian:stretch-slim\n"),
    Bad("FROM alpine:3.14\n"),
    Bad("FROM python:3.7-slim\n"),
    Bad("FROM python:3.12-slim-buster\n"),
    Good("FROM node:lts\n"),
    Good("FROM python:3\n"),
    Good("FROM ghcr.io/acme/node:8\n"),
    Good("FROM node:160\n"),
    Good("FROM builder\n"),
    Good("FROM alpine:3.22 AS base\nFROM base\n")});

}  // namespace
}  // namespace shipshape
