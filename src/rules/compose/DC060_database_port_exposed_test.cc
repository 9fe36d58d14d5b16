// DC060 database-port-exposed
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC060.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC060", {
    Bad("services:\n  db:\n    image: postgres:16\n    ports:\n      - \"5432:5432\"\n",
        "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1:5432:5432\"\n"),
    Bad("services:\n  cache:\n    image: redis:7\n    ports:\n      - 0.0.0.0:6379:6379\n",
        "services:\n  cache:\n    image: redis:7\n    ports:\n      - \"127.0.0.1:6379:6379\"\n"),
    Bad("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n"
        "    ports:\n      - \"5432:5432\"\n",
        "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_HOST_AUTH_METHOD: trust\n"
        "    ports:\n      - \"127.0.0.1:5432:5432\"\n"),
    Bad("services:\n  db:\n    image: myorg/mysql-custom:8\n    ports:\n      - 3306\n",
        "services:\n  db:\n    image: myorg/mysql-custom:8\n    ports:\n      - \"127.0.0.1::3306\"\n"),
    Bad("services:\n  mq:\n    image: rabbitmq:3-management\n    ports:\n      - target: 15672\n        published: 15672\n",
        "services:\n  mq:\n    image: rabbitmq:3-management\n    ports:\n      - target: 15672\n        published: 15672\n"
        "        host_ip: 127.0.0.1\n"),
    Bad("services:\n  db:\n    image: postgres:16\n    ports:\n      - \"${DB_PORT}:5432\"\n",
        "services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1:${DB_PORT}:5432\"\n"),
    Bad("services:\n  kuma:\n    image: louislam/uptime-kuma:2\n    ports:\n      - \"3307:3306\"\n",
        "services:\n  kuma:\n    image: louislam/uptime-kuma:2\n    ports:\n      - \"127.0.0.1:3307:3306\"\n"),
    Good("services:\n  kuma:\n    image: louislam/uptime-kuma:2\n    ports:\n      - \"3001:3001\"\n"),
    Good("services:\n  db:\n    image: postgres:16\n    ports:\n      - \"127.0.0.1:5432:5432\"\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - \"80:80\"\n"),
    Good("services:\n  db:\n    image: postgres:16\n    ports:\n      - \"${BIND_IP}:5432:5432\"\n"),
    Good("services:\n  db:\n    image: postgres:16\n    expose:\n      - \"5432\"\n")});

}  // namespace
}  // namespace shipshape
