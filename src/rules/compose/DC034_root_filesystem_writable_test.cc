// DC034 root-filesystem-writable
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC034.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

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
    Good("services:\n  cache:\n    image: redis:7.4\n    read_only: true\n"),
    Good("services:\n  cache:\n    image: redis:7.4\n    read_only: ${RO}\n"),
    Good("services:\n  web:\n    volumes:\n      - ./x:/x\n")});

}  // namespace
}  // namespace shipshape
