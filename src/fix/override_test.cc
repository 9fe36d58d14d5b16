// Table tests for BuildComposeOverride: {original compose, fixed compose} -> expected override,
// then the property that matters: loading original + override the way `docker compose -f a -f b`
// does gives every service the values of the fixed file.
#include "fix/override.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "compose/compose.h"
#include "core/workspace.h"
#include "yaml/yaml.h"

namespace shipshape {
namespace {

struct Case {
  std::string_view name;
  std::string_view original;
  std::string_view fixed;
  std::string_view expected;
};

const Case kCases[] = {
    {"added keys and rebound ports",
     R"(services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
  db:
    image: postgres:16
)",
     R"(services:
  web:
    image: nginx:1.27
    restart: unless-stopped
    ports:
      - "127.0.0.1:8080:80"
    logging:
      driver: json-file
      options:
        max-size: "10m"
  db:
    image: postgres:16
    restart: unless-stopped
)",
     R"(services:
  web:
    restart: unless-stopped
    ports: !override
      - "127.0.0.1:8080:80"
    logging:
      driver: json-file
      options:
        max-size: "10m"
  db:
    restart: unless-stopped
)"},

    {"nothing changed but version removed",
     "version: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n",
     "services:\n  web:\n    image: nginx:1.27\n", ""},

    {"quoting and key order are not changes",
     "services:\n  web:\n    image: \"nginx:1.27\"\n    environment: {A: \"1\", B: x}\n",
     "services:\n  web:\n    environment: {B: 'x', A: \"1\"}\n    image: nginx:1.27\n", ""},

    {"re-indented from four spaces",
     R"(services:
    api:
        image: api:1.0
)",
     R"(services:
    api:
        image: api:1.0
        read_only: true
        cap_drop:
            - ALL
        security_opt:
          - no-new-privileges:true
)",
     R"(services:
  api:
    read_only: true
    cap_drop:
        - ALL
    security_opt:
      - no-new-privileges:true
)"},

    {"changed mapping: only what changed inside, removed keys reset",
     R"(services:
  web:
    image: a
    logging:
      driver: syslog
      options:
        tag: web
)",
     R"(services:
  web:
    image: a
    logging:
      driver: json-file
      options:
        max-size: 10m
)",
     R"(services:
  web:
    logging:
      driver: json-file
      options:
        max-size: 10m
        tag: !reset null
)"},

    {"unchanged sequences inside a changed mapping are not repeated",
     R"(services:
  web:
    image: a
    deploy:
      placement:
        constraints:
          - node.role == worker
      resources:
        limits:
          memory: 512m
)",
     R"(services:
  web:
    image: a
    deploy:
      placement:
        constraints:
          - node.role == worker
      resources:
        limits:
          memory: 512m
          cpus: "0.5"
)",
     R"(services:
  web:
    deploy:
      resources:
        limits:
          cpus: "0.5"
)"},

    {"removed service key is reset",
     "services:\n  web:\n    image: a\n    privileged: true\n",
     "services:\n  web:\n    image: a\n", "services:\n  web:\n    privileged: !reset null\n"},

    {"changed scalar is written plainly",
     "services:\n  web:\n    image: a\n    privileged: true\n    restart: always\n",
     "services:\n  web:\n    image: a\n    privileged: false\n    restart: always\n",
     "services:\n  web:\n    privileged: false\n"},

    {"alias values are re-serialized (the anchor is not in the override)",
     R"(x-logging: &logging
  driver: json-file
  options:
    max-size: 10m
services:
  web:
    image: a
)",
     R"(x-logging: &logging
  driver: json-file
  options:
    max-size: 10m
services:
  web:
    image: a
    logging: *logging
)",
     R"(services:
  web:
    logging:
      driver: json-file
      options:
        max-size: 10m
)"},

    {"merge keys are re-serialized",
     R"(x-base: &base
  restart: "no"
services:
  web:
    image: a
)",
     R"(x-base: &base
  restart: "no"
services:
  web:
    image: a
    healthcheck:
      <<: *base
      test: ["CMD", "true"]
)",
     R"(services:
  web:
    healthcheck:
      test:
        - "CMD"
        - "true"
      restart: "no"
)"},

    {"flow values keep their text; trailing comments are dropped, inner ones kept",
     R"(services:
  web:
    image: a
    ports: ["80:80"]
)",
     R"(services:
  web:
    image: a
    ports: ["127.0.0.1:80:80"]  # local only
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost/health"]
      # every 30 s
      interval: 30s
)",
     R"(services:
  web:
    ports: !override ["127.0.0.1:80:80"]
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost/health"]
      # every 30 s
      interval: 30s
)"},

    {"block scalar re-indented",
     "services:\n        web:\n                image: a\n",
     "services:\n        web:\n                image: a\n                entrypoint: |\n"
     "                  #!/bin/sh\n\n                  exec app\n",
     "services:\n  web:\n    entrypoint: |\n      #!/bin/sh\n\n      exec app\n"},

    {"compact sequence at the key's column",
     "services:\n  web:\n    image: a\n    cap_add:\n    - SYS_ADMIN\n    - NET_ADMIN\n",
     "services:\n  web:\n    image: a\n    cap_add:\n    - NET_ADMIN\n",
     "services:\n  web:\n    cap_add: !override\n    - NET_ADMIN\n"},

    {"secrets moved out of the environment",
     R"(services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: hunter2
      TZ: UTC
)",
     R"(services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      TZ: UTC
    secrets:
      - db_password
secrets:
  db_password:
    file: ./secrets/db_password.txt
)",
     R"(services:
  db:
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      POSTGRES_PASSWORD: !reset null
    secrets:
      - db_password
secrets:
  db_password:
    file: ./secrets/db_password.txt
)"},

    {"new service and new top-level network",
     "services:\n  web:\n    image: a\n",
     "services:\n  web:\n    image: a\n    networks: [front]\n  proxy:\n    image: b\n"
     "networks:\n  front: {}\n",
     "services:\n  web:\n    networks: [front]\n  proxy:\n    image: b\nnetworks:\n  front: {}\n"},

    {"CRLF in, CRLF out", "services:\r\n  web:\r\n    image: a\r\n",
     "services:\r\n  web:\r\n    image: a\r\n    init: true\r\n    cap_drop:\r\n      - ALL\r\n",
     "services:\r\n  web:\r\n    init: true\r\n    cap_drop:\r\n      - ALL\r\n"},

    {"flow mapping value left of its key is re-serialized",
     "services:\n  web: {image: a}\n",
     "services:\n  web: {image: a, ports:\n    [\"127.0.0.1:80:80\"]}\n",
     "services:\n  web:\n    ports:\n      - \"127.0.0.1:80:80\"\n"},

    {"a change of kind replaces the value",
     "services:\n  web:\n    build: .\n    depends_on: [db]\n  db:\n    image: b\n",
     "services:\n  web:\n    build:\n      context: .\n      target: prod\n"
     "    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: b\n",
     "services:\n  web:\n    build: !override\n      context: .\n      target: prod\n"
     "    depends_on: !override\n      db:\n        condition: service_healthy\n"},

    {"deleted services are ignored", "services:\n  web:\n    image: a\n  old:\n    image: b\n",
     "services:\n  web:\n    image: a\n", ""},
};

TEST(ComposeOverride, Table) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string out, err;
    ASSERT_TRUE(BuildComposeOverride(c.original, c.fixed, {}, &out, &err)) << err;
    EXPECT_EQ(out, c.expected);
    // Whatever we write must itself be clean YAML.
    if (!out.empty()) {
      auto doc = yaml::Parse(out);
      EXPECT_TRUE(doc->ok()) << out;
    }
  }
}

TEST(ComposeOverride, HeaderNamesBothFiles) {
  std::string out, err;
  OverrideOptions opts;
  opts.compose_name = "compose.yaml";
  opts.override_name = "compose.prod.yaml";
  ASSERT_TRUE(BuildComposeOverride("services:\n  web:\n    image: a\n",
                                   "services:\n  web:\n    image: a\n    init: true\n", opts, &out,
                                   &err));
  EXPECT_EQ(out,
            "# Hardening for compose.yaml, written by `shipshape fix --into-override`.\n"
            "# Apply it with: docker compose -f compose.yaml -f compose.prod.yaml up -d\n"
            "services:\n  web:\n    init: true\n");
  // No changes, no header: the caller writes no file at all.
  ASSERT_TRUE(BuildComposeOverride("services: {}\n", "services: {}\n", opts, &out, &err));
  EXPECT_EQ(out, "");
}

TEST(ComposeOverride, BrokenInputIsAnError) {
  std::string out, err;
  EXPECT_FALSE(BuildComposeOverride("services: [\n", "services: {}\n", {}, &out, &err));
  EXPECT_NE(err.find("original"), std::string::npos) << err;
  EXPECT_FALSE(BuildComposeOverride("services: {}\n", "- a\n- b\n", {}, &out, &err));
  EXPECT_NE(err.find("not a mapping"), std::string::npos) << err;
  // An empty original is fine: everything is new.
  ASSERT_TRUE(BuildComposeOverride("", "services:\n  web:\n    image: a\n", {}, &out, &err)) << err;
  EXPECT_EQ(out, "services:\n  web:\n    image: a\n");
}

// ---- Merge property: original + override == fixed, through the Compose project loader ----

/// Mapping keys sorted, tags dropped (the loader consumes !override/!reset), scalars typed.
std::string Canonical(const yaml::Node* n) {
  if (!n) return "~";
  switch (n->kind) {
    case yaml::Kind::kScalar:
      if (n->style == yaml::ScalarStyle::kPlain && n->IsNull()) return "~";
      return "'" + n->value + "'";
    case yaml::Kind::kSequence: {
      std::string s = "[";
      for (const yaml::Item& it : n->items) s += Canonical(it.node) + ",";
      return s + "]";
    }
    case yaml::Kind::kMapping: {
      std::map<std::string, std::string> sorted;
      for (const yaml::Entry& e : n->entries) sorted[e.key->value] = Canonical(e.value);
      std::string s = "{";
      for (const auto& [k, v] : sorted) s += k + ":" + v + ",";
      return s + "}";
    }
  }
  return "?";
}

std::unique_ptr<compose::ComposeFile> Load(const MemoryFileSystem& fs,
                                           std::vector<std::string> files) {
  compose::ProjectOptions po;
  po.files = std::move(files);
  po.project_dir = "/p";
  auto r = compose::LoadComposeProject(fs, po);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  if (!r.ok()) return nullptr;
  return std::move(r.value());
}

TEST(ComposeOverride, OriginalPlusOverrideLoadsAsTheFixedFile) {
  for (const Case& c : kCases) {
    if (c.name.find("deleted services") != std::string_view::npos) continue;  // by design
    SCOPED_TRACE(c.name);
    std::string override_text, err;
    ASSERT_TRUE(BuildComposeOverride(c.original, c.fixed, {}, &override_text, &err)) << err;
    MemoryFileSystem fs;
    fs.Add("/p/compose.yaml", std::string(c.original));
    fs.Add("/p/fixed.yaml", std::string(c.fixed));
    std::vector<std::string> files = {"/p/compose.yaml"};
    if (!override_text.empty()) {
      fs.Add("/p/compose.prod.yaml", override_text);
      files.push_back("/p/compose.prod.yaml");
    }
    auto merged = Load(fs, files);
    auto fixed = Load(fs, {"/p/fixed.yaml"});
    ASSERT_TRUE(merged && fixed);
    ASSERT_EQ(merged->services.size(), fixed->services.size());
    for (const compose::Service& want : fixed->services) {
      SCOPED_TRACE(want.name);
      const compose::Service* got = merged->FindService(want.name);
      ASSERT_NE(got, nullptr);
      EXPECT_EQ(Canonical(got->node), Canonical(want.node));
    }
  }
}

TEST(ComposeOverride, MergedServicesHaveTheFixedValues) {
  const Case& c = kCases[0];
  std::string override_text, err;
  ASSERT_TRUE(BuildComposeOverride(c.original, c.fixed, {}, &override_text, &err)) << err;
  MemoryFileSystem fs;
  fs.Add("/p/compose.yaml", std::string(c.original));
  fs.Add("/p/compose.prod.yaml", override_text);
  auto merged = Load(fs, {"/p/compose.yaml", "/p/compose.prod.yaml"});
  ASSERT_TRUE(merged);
  const compose::Service* web = merged->FindService("web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->image.text, "nginx:1.27");
  EXPECT_EQ(web->restart.text, "unless-stopped");
  ASSERT_EQ(web->ports.size(), 1u) << "ports were appended instead of replaced";
  EXPECT_EQ(web->ports[0].host_ip.text, "127.0.0.1");
  EXPECT_EQ(web->ports[0].published.text, "8080");
  EXPECT_EQ(web->ports[0].target.text, "80");
  ASSERT_NE(web->logging, nullptr);
  EXPECT_EQ(web->logging->Get("driver")->value, "json-file");
  EXPECT_EQ(web->logging->Get("options")->Get("max-size")->value, "10m");
  const compose::Service* db = merged->FindService("db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->restart.text, "unless-stopped");
  EXPECT_EQ(db->image.text, "postgres:16");
}

}  // namespace
}  // namespace shipshape
