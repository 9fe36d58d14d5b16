// DC041 healthcheck-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC041.snap.
#include "rules/cases.h"
#include "compose/image_notes.h"
#include "compose/swarm_schema.h"
#include "core/workspace.h"
#include "rules/compose/build_facts_util.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

// A Dockerfile that declares its own HEALTHCHECK.
void OwnProbe(MemoryFileSystem& fs) {
  fs.Add("api/Dockerfile", "FROM python:3.12-slim\nHEALTHCHECK CMD python -c 'print(1)'\nCMD [\"python\", \"app.py\"]\n");
}

// A static site on nginx: the Dockerfile keeps nginx's process, so nginx's probe applies.
void NginxSite(MemoryFileSystem& fs) { fs.Add("web/Dockerfile", "FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n"); }

// A Spring Boot service with the actuator, curl installed by the Dockerfile, a multi-stage build.
void SpringApi(MemoryFileSystem& fs) {
  fs.Add("svc/Dockerfile", "FROM maven:3-eclipse-temurin-21 AS build\nCOPY . .\nRUN mvn package\n"
                           "FROM eclipse-temurin:21-jre AS run\nRUN apt-get update && apt-get install -y curl "
                           "&& rm -rf /var/lib/apt/lists/*\nCOPY --from=build /target/app.jar /app.jar\n"
                           "EXPOSE 8080 8081\nENTRYPOINT [\"java\", \"-jar\", \"/app.jar\"]\n");
  fs.Add("svc/pom.xml", "<project><dependency><artifactId>spring-boot-starter-actuator</artifactId></dependency></project>\n");
}

// The same app on a slim base that has neither curl nor wget.
void SlimApi(MemoryFileSystem& fs) {
  fs.Add("api/Dockerfile", "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]\n");
  fs.Add("api/server.js", "app.get('/healthz', ok);\n");
}

// A Node.js app built from ./api: alpine base (busybox wget), one EXPOSEd port, a /healthz route.
void NodeApi(MemoryFileSystem& fs) {
  fs.Add("api/Dockerfile", "FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nUSER node\n"
                           "CMD [\"node\", \"server.js\"]\n");
  fs.Add("api/server.js", "const app = require('express')();\napp.get('/healthz', (req, res) => res.send('ok'));\n"
                          "app.listen(3000);\n");
  fs.Add("api/test/server.test.js", "request(app).get('/ping');\n");
}

const RuleCases kCases("DC041", {
    Bad("services:\n  db:\n    image: postgres:16\n",
        "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER:-postgres}\"]\n"
        "      interval: 10s\n      timeout: 5s\n      retries: 5\n      start_period: 30s\n"),
    Bad("services:\n  cache:\n    image: redis:7-alpine\n    restart: always\n",
        "services:\n  cache:\n    image: redis:7-alpine\n    restart: always\n    healthcheck:\n"
        "      test: [\"CMD\", \"redis-cli\", \"ping\"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n"
        "      start_period: 10s\n"),
    Bad("services:\n  app:\n    image: myorg/app:1.0\n"),
    Bad("services:\n  db:\n    image: postgres:${PG_VERSION:-16}\n",
        "services:\n  db:\n    image: postgres:${PG_VERSION:-16}\n    healthcheck:\n"
        "      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER:-postgres}\"]\n"
        "      interval: 10s\n      timeout: 5s\n      retries: 5\n      start_period: 30s\n"),
    Bad("services:\n  cache:\n    image: redis:${REDIS_TAG}\n",
        "services:\n  cache:\n    image: redis:${REDIS_TAG}\n    healthcheck:\n"
        "      test: [\"CMD\", \"redis-cli\", \"ping\"]\n      interval: 10s\n      timeout: 5s\n"
        "      retries: 5\n      start_period: 10s\n"),
    Bad("services:\n  n8n:\n    image: docker.n8n.io/n8nio/n8n:1.80.0\n",
        "services:\n  n8n:\n    image: docker.n8n.io/n8nio/n8n:1.80.0\n    healthcheck:\n"
        "      test: [\"CMD-SHELL\", \"wget -q --spider http://localhost:5678/healthz || exit 1\"]\n"
        "      interval: 30s\n      timeout: 5s\n      retries: 3\n      start_period: 30s\n"),
    Bad("services:\n  proxy:\n    image: traefik:v3.1\n"),
    WithFiles(NodeApi, Bad("services:\n  api:\n    build: ./api\n    ports:\n      - \"3000:3000\"\n",
                           "services:\n  api:\n    build: ./api\n    ports:\n      - \"3000:3000\"\n"
                           "    healthcheck:\n      test: [\"CMD\", \"wget\", \"-q\", \"-O\", \"/dev/null\", "
                           "\"http://127.0.0.1:3000/healthz\"]\n      interval: 30s\n      timeout: 5s\n"
                           "      retries: 3\n      start_period: 30s\n")),
    WithFiles(SpringApi, Bad("services:\n  svc:\n    build:\n      context: svc\n      target: run\n"
                             "    ports:\n      - \"8080:8080\"\n",
                             "services:\n  svc:\n    build:\n      context: svc\n      target: run\n"
                             "    ports:\n      - \"8080:8080\"\n    healthcheck:\n      test: [\"CMD\", \"curl\", "
                             "\"-fsS\", \"-o\", \"/dev/null\", \"http://127.0.0.1:8080/actuator/health\"]\n"
                             "      interval: 30s\n      timeout: 5s\n      retries: 3\n      start_period: 30s\n")),
    WithFiles(NginxSite, Bad("services:\n  web:\n    build: web\n",
                             "services:\n  web:\n    build: web\n    healthcheck:\n      test: [\"CMD-SHELL\", "
                             "\"curl -fsS http://localhost/ >/dev/null || wget -q --spider http://localhost/ || "
                             "exit 1\"]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n"
                             "      start_period: 10s\n")),
    WithFiles(SlimApi, Bad("services:\n  api:\n    build: ./api\n")),
    WithFiles(OwnProbe, Good("services:\n  api:\n    build: ./api\n")),
    Good("services:\n  mail:\n    image: axllent/mailpit:v1.20\n"),
    Good("services:\n  zipkin:\n    image: openzipkin/zipkin:3\n"),
    Good("services:\n  cadvisor:\n    image: gcr.io/cadvisor/cadvisor:v0.49.1\n"),
    Good("services:\n  webserver:\n    image: ghcr.io/paperless-ngx/paperless-ngx:latest\n"),
    Good("services:\n  data:\n    image: busybox:1.37\n    command: /bin/true\n"),
    crules::InFile("docker-compose.test.yml", Good("services:\n  db:\n    image: postgres:16\n")),
    Good("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [\"CMD\", \"pg_isready\"]\n"),
    Good("services:\n  db:\n    image: postgres:16\n    healthcheck:\n      disable: true\n"),
    Good("services:\n  app:\n    build: .\n"),
    Good("services:\n  job:\n    image: alpine:3.20\n    restart: \"no\"\n")});

}  // namespace
}  // namespace shipshape
