// DF121 copy-secret-file
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF121.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF121", {
    Bad("FROM node:22\nCOPY .npmrc /root/.npmrc\nRUN npm ci\n"),
    Bad("FROM alpine:3.20\nCOPY keys/id_rsa /root/.ssh/id_rsa\n"),
    Bad("FROM alpine:3.20\nADD .env /app/.env\n"),
    Good("FROM alpine:3.20\nCOPY .env.example /app/.env\n"),
    Good("FROM alpine:3.20\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n"),
    Good("FROM debian:12\nADD nodesource-repo.gpg.key /usr/share/keyrings/nodesource.asc\n"),
    Bad("FROM nginx:1.27\nCOPY certs/server.key /etc/nginx/tls/\n"),
    Good("FROM alpine:3.20 AS build\nCOPY certs/server.crt /c\nFROM alpine:3.20\n"
         "COPY --from=build /secrets/.npmrc /x\n")});

}  // namespace
}  // namespace shipshape
