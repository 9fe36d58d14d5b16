#include "compose/known_images.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "compose/image_notes.h"
#include "core/embedded.h"

namespace shipshape::compose {
namespace {

TEST(ImageRefTest, Splits) {
  struct Case {
    const char* in;
    const char* registry;
    const char* repo;
    const char* tag;
    const char* digest;
  } cases[] = {
      {"postgres", "", "postgres", "", ""},
      {"postgres:16-alpine", "", "postgres", "16-alpine", ""},
      {"docker.io/library/postgres:16", "", "postgres", "16", ""},
      {"index.docker.io/bitnami/redis:7.2", "", "bitnami/redis", "7.2", ""},
      {"localhost:5000/app", "localhost:5000", "app", "", ""},
      {"registry.example.com:443/team/app:1.2@sha256:abc", "registry.example.com:443", "team/app", "1.2",
       "sha256:abc"},
      {"nginx@sha256:0123", "", "nginx", "", "sha256:0123"},
      {"Quay.IO/prometheus/prometheus:v2.50.0", "quay.io", "prometheus/prometheus", "v2.50.0", ""},
      {"bitnami/postgresql", "", "bitnami/postgresql", "", ""},
  };
  for (const Case& c : cases) {
    ImageRef r = ParseImageRef(c.in);
    EXPECT_EQ(r.registry, c.registry) << c.in;
    EXPECT_EQ(r.repository, c.repo) << c.in;
    EXPECT_EQ(r.tag, c.tag) << c.in;
    EXPECT_EQ(r.digest, c.digest) << c.in;
  }
}

TEST(ImageRefTest, TagMajor) {
  EXPECT_EQ(TagMajor("16-alpine"), 16);
  EXPECT_EQ(TagMajor("v2.10"), 2);
  EXPECT_EQ(TagMajor("10.11.6"), 10);
  EXPECT_EQ(TagMajor("latest"), std::nullopt);
  EXPECT_EQ(TagMajor(""), std::nullopt);
}

TEST(GlobTest, Matches) {
  EXPECT_TRUE(GlobMatch("postgres", "postgres"));
  EXPECT_FALSE(GlobMatch("postgres", "postgresql"));
  EXPECT_TRUE(GlobMatch("container-registry.oracle.com/database/*",
                        "container-registry.oracle.com/database/free"));
  EXPECT_TRUE(GlobMatch("*/redis", "bitnami/redis"));
  EXPECT_FALSE(GlobMatch("*/redis", "redis"));
  EXPECT_TRUE(GlobMatch("a*b*c", "axxbyyc"));
}

TEST(KnownImagesTest, EmbeddedTableParsesEntryByEntry) {
  std::string_view text = EmbeddedFile("known-images.json");
  ASSERT_FALSE(text.empty()) << "data/known-images.json is not embedded";
  Result<KnownImages> r = KnownImages::Parse(text);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const KnownImages& t = r.value();
  EXPECT_GE(t.images().size(), 30u);
  const std::set<std::string> kClasses = {"database", "search", "cache", "queue", "web",
                                          "monitoring", "runtime", "default"};
  for (const ImageClass& c : t.classes()) {
    EXPECT_TRUE(kClasses.count(c.name)) << "unexpected class " << c.name;
    EXPECT_FALSE(c.cpus.empty());
    EXPECT_FALSE(c.memory.empty());
  }
  for (const std::string& c : kClasses) EXPECT_NE(t.Class(c), nullptr) << c;
  std::set<std::string> names, patterns;
  for (const KnownImage& img : t.images()) {
    EXPECT_TRUE(names.insert(img.name).second) << "duplicate entry " << img.name;
    EXPECT_TRUE(kClasses.count(img.image_class)) << img.name;
    for (const std::string& p : img.patterns) {
      EXPECT_TRUE(patterns.insert(p).second) << "pattern in two entries: " << p;
      EXPECT_EQ(p.find(':'), std::string::npos) << "patterns never carry tags: " << p;
      // Each entry's literal patterns match themselves with any tag, through the table.
      if (p.find('*') == std::string::npos) {
        const KnownImage* m = t.Match(p + ":1.0");
        ASSERT_NE(m, nullptr) << p;
        EXPECT_EQ(m->name, img.name) << p;
      }
    }
    if (img.healthcheck) {
      EXPECT_FALSE(img.healthcheck->interval.empty()) << img.name;
      EXPECT_FALSE(img.healthcheck->timeout.empty()) << img.name;
      EXPECT_GT(img.healthcheck->retries, 0) << img.name;
    }
    if (img.capabilities) {
      for (const std::string& c : *img.capabilities)
        EXPECT_EQ(c.find("CAP_"), std::string::npos) << img.name << ": write caps without CAP_";
    }
  }
}

TEST(KnownImagesTest, MatchesExpectedImages) {
  const KnownImages& t = KnownImages::Get();
  struct Case {
    const char* image;
    const char* name;  // nullptr = unknown
    const char* image_class;
  } cases[] = {
      {"postgres:16", "postgres", "database"},
      {"docker.io/library/postgres:16-alpine", "postgres", "database"},
      {"postgis/postgis:16-3.4", "postgres", "database"},
      {"bitnami/postgresql:16", "bitnami-postgresql", "database"},
      {"mysql:8.4", "mysql", "database"},
      {"mariadb:11", "mariadb", "database"},
      {"mongo:7", "mongo", "database"},
      {"redis:7-alpine", "redis", "cache"},
      {"valkey/valkey:8", "valkey", "cache"},
      {"memcached:1.6", "memcached", "cache"},
      {"rabbitmq:3-management", "rabbitmq", "queue"},
      {"docker.elastic.co/elasticsearch/elasticsearch:8.14.0", "elasticsearch", "search"},
      {"opensearchproject/opensearch:2", "opensearch", "search"},
      {"nginx:1.27-alpine", "nginx", "web"},
      {"httpd:2.4", "httpd", "web"},
      {"traefik:v3.1", "traefik", "web"},
      {"caddy:2", "caddy", "web"},
      {"prom/prometheus:v2.53.0", "prometheus", "monitoring"},
      {"grafana/grafana:11.1.0", "grafana", "monitoring"},
      {"node:20-alpine", "node", "runtime"},
      {"python:3.12-slim", "python", "runtime"},
      {"mcr.microsoft.com/mssql/server:2022-latest", "mssql", "database"},
      {"myorg/postgres-backup:1", nullptr, nullptr},
      {"ghcr.io/someone/nginx:1", nullptr, nullptr},
      {"postgresql:16", nullptr, nullptr},
  };
  for (const Case& c : cases) {
    const KnownImage* m = t.Match(c.image);
    if (!c.name) {
      EXPECT_EQ(m, nullptr) << c.image << " matched " << (m ? m->name : "");
      continue;
    }
    ASSERT_NE(m, nullptr) << c.image;
    EXPECT_EQ(m->name, c.name) << c.image;
    EXPECT_EQ(m->image_class, c.image_class) << c.image;
  }
  EXPECT_TRUE(t.ClassOf(t.Match("postgres")).private_ports);
  EXPECT_FALSE(t.ClassOf(t.Match("nginx")).private_ports);
  EXPECT_EQ(t.ClassOf(nullptr).name, "default");
}

TEST(KnownImagesTest, UnknownIsNotEmpty) {
  const char* head = "{\"classes\": {\"default\": {\"cpus\": \"1\", \"memory\": \"1G\"}}, \"images\": [";
  Result<KnownImages> r = KnownImages::Parse(std::string(head) +
                                             "{\"name\": \"a\", \"patterns\": [\"a\"], \"class\": \"default\"},"
                                             "{\"name\": \"b\", \"patterns\": [\"b\"], \"class\": \"default\", "
                                             "\"writable_paths\": [], \"image_volumes\": [\"/data\"], "
                                             "\"image_healthcheck\": true}]}");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const KnownImage* a = r.value().Match("a:1");
  const KnownImage* b = r.value().Match("b:1");
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(a->writable_paths.has_value());
  EXPECT_FALSE(a->capabilities.has_value());
  EXPECT_FALSE(a->image_healthcheck);
  ASSERT_TRUE(b->writable_paths.has_value());
  EXPECT_TRUE(b->writable_paths->empty());
  EXPECT_EQ(b->image_volumes, std::vector<std::string>{"/data"});
  EXPECT_TRUE(b->image_healthcheck);
  EXPECT_FALSE(KnownImages::Parse(std::string(head) +
                                  "{\"name\": \"c\", \"patterns\": [\"c\"], \"class\": \"default\", "
                                  "\"image_volumes\": [\"data\"]}]}")
                   .ok());
}

TEST(KnownImagesTest, RejectsBadEntries) {
  EXPECT_FALSE(KnownImages::Parse("[]").ok());
  EXPECT_FALSE(KnownImages::Parse("{\"classes\": {}, \"images\": [{\"name\": \"x\", \"patterns\": [\"x\"], "
                                  "\"class\": \"nope\"}]}")
                   .ok());
  Result<KnownImages> bad_hc = KnownImages::Parse(
      "{\"classes\": {\"default\": {\"cpus\": \"1\", \"memory\": \"1G\"}}, \"images\": [{\"name\": \"x\", "
      "\"patterns\": [\"x\"], \"class\": \"default\", \"healthcheck\": {\"test\": [\"ping\"]}}]}");
  ASSERT_FALSE(bad_hc.ok());
  EXPECT_NE(bad_hc.error().message.find("`x`"), std::string::npos) << bad_hc.error().message;
}

// Issue 17 §2: the entries added for the images the seed stacks use, each with the facts its own
// Dockerfile gives (recorded in `source`) and what DC041 says when it has no probe.
TEST(KnownImagesTest, StackImagesHaveSourcedFacts) {
  const KnownImages& t = KnownImages::Get();
  struct Case {
    const char* image;
    const char* name;
    int port;
    const char* user;
    const char* probe;      // a word of the healthcheck test, "" = none, "image" = the image's own
    const char* volume;     // one of image_volumes, or ""
    bool writable_known;    // writable_paths known (a read-only fix is possible)
  } cases[] = {
      {"nextcloud:29-apache", "nextcloud", 80, "www-data", "", "/var/www/html", false},
      {"nextcloud:fpm-alpine", "nextcloud", 80, "www-data", "", "/var/www/html", false},
      {"portainer/portainer-ce:2.21.0", "portainer", 9443, "root", "", "/data", true},
      {"docker.n8n.io/n8nio/n8n:1.80.0", "n8n", 5678, "node", "/healthz", "", true},
      {"n8nio/n8n", "n8n", 5678, "node", "/healthz", "", true},
      {"jenkins/jenkins:lts-jdk17", "jenkins", 8080, "jenkins", "/login", "/var/jenkins_home", true},
      {"grafana/promtail:3.0.0", "promtail", 9080, "root", "", "", false},
      {"docker.elastic.co/logstash/logstash:8.15.0", "logstash", 9600, "logstash", "9600", "", true},
      {"mailhog/mailhog:v1.0.1", "mailhog", 8025, "mailhog", "8025", "", true},
      {"axllent/mailpit:v1.20", "mailpit", 8025, "root", "image", "", false},
      {"certbot/certbot:v2.11.0", "certbot", 80, "root", "", "/etc/letsencrypt", true},
      {"certbot/dns-cloudflare:latest", "certbot", 80, "root", "", "/var/lib/letsencrypt", true},
      {"traefik:v3.1", "traefik", 80, "root", "", "", true},
      {"quay.io/keycloak/keycloak:25.0", "keycloak", 8080, "1000", "", "", true},
  };
  for (const Case& c : cases) {
    const KnownImage* m = t.Match(c.image);
    ASSERT_NE(m, nullptr) << c.image;
    EXPECT_EQ(m->name, c.name) << c.image;
    EXPECT_TRUE(NotesOf(*m).source.rfind("https://", 0) == 0) << c.image << ": every new entry names its source";
    EXPECT_NE(std::find(m->ports.begin(), m->ports.end(), c.port), m->ports.end()) << c.image;
    EXPECT_EQ(m->user, c.user) << c.image;
    const std::string probe = c.probe;
    if (probe == "image") {
      EXPECT_TRUE(m->image_healthcheck) << c.image;
    } else if (probe.empty()) {
      EXPECT_FALSE(m->healthcheck.has_value()) << c.image;
      EXPECT_FALSE(NotesOf(*m).no_probe.empty()) << c.image << ": a missing probe says why";
    } else {
      ASSERT_TRUE(m->healthcheck.has_value()) << c.image;
      EXPECT_NE(m->healthcheck->test.back().find(probe), std::string::npos) << c.image;
      EXPECT_TRUE(NotesOf(*m).no_probe.empty()) << c.image;
    }
    if (*c.volume) {
      EXPECT_NE(std::find(m->image_volumes.begin(), m->image_volumes.end(), c.volume), m->image_volumes.end())
          << c.image;
    }
    EXPECT_EQ(m->writable_paths.has_value(), c.writable_known) << c.image;
  }
  // Non-root images need no capability; the configuration logstash's entrypoint writes is not
  // tmpfs material.
  EXPECT_TRUE(t.Match("n8nio/n8n:1")->capabilities->empty());
  EXPECT_EQ(t.Match("logstash:8.15.0")->config_paths, std::vector<std::string>{"/usr/share/logstash/config"});
  // A probe and a reason for having none are exclusive, in every entry of the table.
  for (const KnownImage& img : t.images())
    EXPECT_FALSE(img.healthcheck && !NotesOf(img).no_probe.empty()) << img.name;
  const auto notes = ParseImageNotes("{\"images\": [{\"name\": \"a\", \"source\": \"https://x\"}, {\"name\": \"b\"}, 3]}");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes.at("a").source, "https://x");
  EXPECT_TRUE(ParseImageNotes("[]").empty());
}

}  // namespace
}  // namespace shipshape::compose
