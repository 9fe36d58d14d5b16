// DC044 resource-limits-missing
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC044.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC044", {
    Bad("services:\n  db:\n    image: postgres:16\n",
        "services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits:\n          cpus: \"2\"\n"
        "          memory: 2G\n        reservations:\n          cpus: \"0.5\"\n          memory: 512M\n"),
    Bad("services:\n  api:\n    image: myorg/api:1\n    deploy:\n      replicas: 2\n",
        "services:\n  api:\n    image: myorg/api:1\n    deploy:\n      replicas: 2\n      resources:\n        limits:\n"
        "          cpus: \"1\"\n          memory: 1G\n        reservations:\n          cpus: \"0.25\"\n          memory: 256M\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n",
        "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n    cpus: \"1\"\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          cpus: \"0.5\"\n",
        "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      resources:\n        limits:\n          cpus: \"0.5\"\n"
        "          memory: 512M\n"),
    Good("services:\n  db:\n    image: postgres:16\n    mem_limit: 1g\n    cpus: 1.5\n"),
    Good("services:\n  db:\n    image: postgres:16\n    deploy:\n      resources:\n        limits: {cpus: \"1\", memory: 1G}\n"),
    crules::InFile("docker-stack.yml",
           Bad("services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n",
               "services:\n  web:\n    image: nginx:1.27\n    mem_limit: 256m\n    deploy:\n      resources:\n"
               "        limits:\n          cpus: \"1\"\n          memory: 512M\n        reservations:\n"
               "          cpus: \"0.25\"\n          memory: 128M\n")),
    Good("services:\n  migrate:\n    image: myorg/api:1\n    command: [\"python\", \"manage.py\", \"migrate\"]\n"),
    crules::InFile("tests/docker-compose.yml", Good("services:\n  db:\n    image: postgres:16\n")),
    Good("services:\n  db:\n    environment:\n      A: b\n")});

}  // namespace
}  // namespace shipshape
