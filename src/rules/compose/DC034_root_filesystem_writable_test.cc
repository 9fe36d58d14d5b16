// DC034 root-filesystem-writable
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC034.snap.
#include "rules/cases.h"
#include "compose/swarm_schema.h"
#include "core/workspace.h"
#include "rules/compose/build_facts_util.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

void NodeApp(MemoryFileSystem& fs) {
  fs.Add("api/Dockerfile", "FROM node:22-alpine\nCOPY . /app\nCMD [\"node\", \"/app/server.js\"]\n");
}

// A static site on nginx (the base's process and facts apply, plus the image's own VOLUME), and
// a Node.js app whose writes nothing describes.
void NginxSite(MemoryFileSystem& fs) {
  fs.Add("web/Dockerfile", "FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\nVOLUME /var/cache/nginx\n");
}

const RuleCases kCases("DC034", {
    Bad("services:\n  cache:\n    image: redis:7.4\n    volumes:\n      - redis-data:/data\n",
        "services:\n  cache:\n    image: redis:7.4\n    volumes:\n      - redis-data:/data\n    read_only: true\n"
        "    tmpfs:\n      - /tmp\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    read_only: false\n    tmpfs: [/tmp]\n",
        "services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp, /var/cache/nginx, /var/run]\n"),
    Bad("services:\n  db:\n    image: postgres:16\n",
        "services:\n  db:\n    image: postgres:16\n    read_only: true\n    tmpfs:\n      - /var/run/postgresql\n"
        "      - /tmp\n"),
    Bad("services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /var/lib/postgresql/pgdata\n"),
    Bad("services:\n  app:\n    image: louislam/uptime-kuma:2\n    volumes:\n      - kuma:/app/data\n"),
    Bad("services:\n  es:\n    image: elasticsearch:8.15.0\n    volumes:\n      - es:/usr/share/elasticsearch/data\n"),
    Bad("services:\n  kibana:\n    image: kibana:8.15.0\n"),
    WithFiles(NginxSite, Bad("services:\n  web:\n    build: web\n",
                             "services:\n  web:\n    build: web\n    read_only: true\n    tmpfs:\n"
                             "      - /var/run\n      - /tmp\n")),
    WithFiles(NodeApp, Bad("services:\n  api:\n    build: api\n")),
    Bad("services:\n  jenkins:\n    image: jenkins/jenkins:lts-jdk17\n",
        "services:\n  jenkins:\n    image: jenkins/jenkins:lts-jdk17\n    read_only: true\n    tmpfs:\n"
        "      - /tmp\n"),
    Bad("services:\n  n8n:\n    image: n8nio/n8n:1.80.0\n"),
    Good("services:\n  cache:\n    image: redis:7.4\n    read_only: true\n"),
    Good("services:\n  cache:\n    image: redis:7.4\n    read_only: ${RO}\n"),
    Good("services:\n  web:\n    volumes:\n      - ./x:/x\n")});

}  // namespace
}  // namespace shipshape
