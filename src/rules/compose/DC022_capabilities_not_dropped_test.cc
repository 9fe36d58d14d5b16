// DC022 capabilities-not-dropped
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC022.snap.
#include "rules/cases.h"
#include "core/workspace.h"
#include "knowledge/capabilities.h"
#include "rules/compose/build_facts_util.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

void SetcapBuild(MemoryFileSystem& fs) {
  fs.Add("api/Dockerfile", "FROM node:22-alpine\nRUN apk add libcap && setcap cap_net_bind_service=+ep "
                           "/usr/local/bin/node\nUSER node\nCMD [\"node\", \"/app/server.js\"]\n");
}

void RedisBuild(MemoryFileSystem& fs) { fs.Add("cache/Dockerfile", "FROM redis:7.4\nCOPY redis.conf /etc/redis/\n"); }

void GosuBuild(MemoryFileSystem& fs) {
  fs.Add("app/Dockerfile", "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y gosu\n"
                           "COPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\n"
                           "CMD [\"app\"]\n");
  fs.Add("app/docker-entrypoint.sh", "#!/bin/sh\nchown -R app /data\nexec gosu app \"$@\"\n");
}

// Built images: one that runs as a non-root user, one whose entrypoint starts as root and steps
// down with gosu, one that keeps its known base's process, one that gives a binary a capability.
void NonRootBuild(MemoryFileSystem& fs) {
  fs.Add("api/Dockerfile", "FROM node:22-alpine\nCOPY . /app\nUSER node\nCMD [\"node\", \"/app/server.js\"]\n");
}

const RuleCases kCases("DC022", {
    WithFiles(NonRootBuild, Bad("services:\n  api:\n    build: ./api\n",
                                "services:\n  api:\n    build: ./api\n    cap_drop:\n      - ALL\n")),
    WithFiles(NonRootBuild, Bad("services:\n  api:\n    build: ./api\n    user: root\n",
                                "services:\n  api:\n    build: ./api\n    user: root\n    cap_drop:\n"
                                "      - ALL\n    cap_add:\n      - CHOWN\n      - DAC_OVERRIDE\n"
                                "      - FOWNER\n      - KILL\n      - NET_BIND_SERVICE\n      - SETGID\n"
                                "      - SETUID\n")),
    WithFiles(GosuBuild, Bad("services:\n  app:\n    build: app\n",
                             "services:\n  app:\n    build: app\n    cap_drop:\n      - ALL\n    cap_add:\n"
                             "      - CHOWN\n      - DAC_OVERRIDE\n      - FOWNER\n      - SETGID\n"
                             "      - SETUID\n")),
    WithFiles(RedisBuild, Bad("services:\n  cache:\n    build: cache\n",
                              "services:\n  cache:\n    build: cache\n    cap_drop:\n      - ALL\n"
                              "    cap_add:\n      - CHOWN\n      - SETGID\n      - SETUID\n")),
    WithFiles(SetcapBuild, Bad("services:\n  api:\n    build: ./api\n",
                               "services:\n  api:\n    build: ./api\n    cap_drop:\n      - ALL\n"
                               "    cap_add:\n      - CHOWN\n      - DAC_OVERRIDE\n      - FOWNER\n"
                               "      - KILL\n      - NET_BIND_SERVICE\n      - SETGID\n      - SETUID\n")),
    Bad("services:\n  cache:\n    image: redis:7.4\n",
        "services:\n  cache:\n    image: redis:7.4\n    cap_drop:\n      - ALL\n    cap_add:\n      - CHOWN\n"
        "      - SETGID\n      - SETUID\n"),
    Bad("services:\n  prom:\n    image: prom/prometheus:v2.53.0\n    cap_drop: [NET_RAW]\n",
        "services:\n  prom:\n    image: prom/prometheus:v2.53.0\n    cap_drop: [NET_RAW, ALL]\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n",
        "services:\n  web:\n    image: nginx:1.27\n    cap_add:\n      - NET_BIND_SERVICE\n      - CHOWN\n"
        "      - SETGID\n      - SETUID\n    cap_drop:\n      - ALL\n"),
    Bad("services:\n  app:\n    image: ${APP_IMAGE}\n",
        "services:\n  app:\n    image: ${APP_IMAGE}\n    cap_drop:\n      - ALL\n    cap_add:\n      - CHOWN\n"
        "      - DAC_OVERRIDE\n      - FOWNER\n      - KILL\n      - NET_BIND_SERVICE\n      - SETGID\n"
        "      - SETUID\n"),
    Bad("services:\n  app:\n    build: .\n    cap_add: [SETUID, SYS_NICE]\n",
        "services:\n  app:\n    build: .\n    cap_add: [SETUID, SYS_NICE, CHOWN, DAC_OVERRIDE, FOWNER, KILL, "
        "NET_BIND_SERVICE, SETGID]\n    cap_drop:\n      - ALL\n"),
    Bad("services:\n  agent:\n    image: myorg/agent:1.0\n    network_mode: host\n"),
    Bad("services:\n  app:\n    image: myorg/app:1.0\n    cap_add: [ALL]\n"),
    Good("services:\n  cache:\n    image: redis:7.4\n    cap_drop: [ALL]\n"),
    Good("services:\n  x:\n    image: myorg/x:1\n    privileged: true\n"),
    Good("services:\n  app:\n    build: .\n    cap_drop: [ALL]\n    cap_add: [CHOWN, SETUID]\n"),
    Good("x-hard: &hard\n  cap_drop: [all]\nservices:\n  a:\n    <<: *hard\n    image: x:1\n"),
    Good("services:\n  web:\n    environment:\n      A: b\n"),
    Bad("services:\n  imap:\n    image: mailu/dovecot:2024.06\n",
        "services:\n  imap:\n    image: mailu/dovecot:2024.06\n")});

}  // namespace
}  // namespace shipshape
