// DF121 copy-secret-file
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF121.snap.
#include "rules/cases.h"
#include "compose/workspace_links.h"
#include "core/strings.h"
#include "core/workspace.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/secrets.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void NpmrcTokenReference(MemoryFileSystem& fs) {
  fs.Add(".npmrc", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n");
}

void NpmrcWithToken(MemoryFileSystem& fs) {
  fs.Add(".npmrc", "@acme:registry=https://npm.acme.dev/\n//npm.acme.dev/:_authToken=3f9c2a7e-51b0-4d3e-9a8f-6c1d2e4b7a90\n");
}

void NpmrcRegistryOnly(MemoryFileSystem& fs) {
  fs.Add(".npmrc", "registry=https://registry.npmjs.org/\n@acme:registry=https://npm.acme.dev/\nstrict-ssl=true\n");
}

const RuleCases kCases("DF121", {
    Bad("FROM node:22\nCOPY .npmrc /root/.npmrc\nRUN npm ci\n"),
    // Read from the build context: registry settings only are no secret.
    WithFiles(NpmrcRegistryOnly, Good("FROM node:22\nCOPY .npmrc package.json /app/\nRUN npm ci\n")),
    WithFiles(NpmrcWithToken, Bad("FROM node:22\nCOPY .npmrc package.json /app/\nRUN npm ci\n")),
    WithFiles(NpmrcTokenReference, Good("FROM node:22\nCOPY .npmrc /root/.npmrc\nRUN npm ci\n")),
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
