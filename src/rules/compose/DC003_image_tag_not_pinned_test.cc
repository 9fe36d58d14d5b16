// DC003 image-tag-not-pinned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC003.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC003", {
    Bad("services:\n  web:\n    image: httpd\n", "services:\n  web:\n    image: httpd:2.4\n"),
    Bad("services:\n  db:\n    image: postgres\n"),
    Bad("services:\n  cache:\n    image: redis:latest\n"),
    WithConfig([](Config& c) { c.image_pins["postgres"] = "16"; },
               Bad("services:\n  db:\n    image: postgres\n", "services:\n  db:\n    image: postgres:16\n")),
    Bad("services:\n  tools:\n    image: \"docker.io/library/alpine\"  # helper\n",
        "services:\n  tools:\n    image: \"docker.io/library/alpine:3.22\"  # helper\n"),
    WithConfig([](Config& c) { c.image_pins["ghcr.io/acme/api"] = "2.3"; },
               Bad("services:\n  api:\n    image: ghcr.io/acme/api\n",
                   "services:\n  api:\n    image: ghcr.io/acme/api:2.3\n")),
    Bad("services:\n  api:\n    image: ghcr.io/acme/api\n"),
    Bad("services:\n  web:\n    image: nginx:${TAG:-latest}\n"),
    Bad("services:\n  node:\n    image: docker.io/library/node:lts\n"),
    Bad("x-img: &img\n  image: nginx\nservices:\n  a:\n    <<: *img\n  b:\n    <<: *img\n"),
    Good("services:\n  db:\n    image: postgres:16.4\n"),
    Good("services:\n  web:\n    image: nginx@sha256:0123456789abcdef\n"),
    Good("services:\n  app:\n    build: .\n    image: myorg/app\n"),
    Good("services:\n  web:\n    image: nginx:${NGINX_TAG}\n"),
    Good("services:\n  web:\n    image: localhost:5000/app:1.2\n")});

}  // namespace
}  // namespace shipshape
