// DC090 undefined-reference
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC090.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC090", {
    Bad("services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - data:/srv\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    networks: [back]\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    secrets: [token]\n"),
    Bad("services:\n  web:\n    image: nginx:1.27\n    configs:\n      - source: conf\n        target: /etc/x\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    volumes:\n      - data:/srv\n"
         "      - ./site:/usr/share/nginx/html\n    networks: [back, default]\n    secrets: [token]\n"
         "  db:\n    image: postgres:16\nvolumes:\n  data: {}\nnetworks:\n  back: {}\n"
         "secrets:\n  token:\n    file: ./token.txt\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_started\n"
         "        required: false\n"),
    Good("services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ${DATA_VOLUME}:/srv\n"),
    Good("include:\n  - db.yaml\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n"),
    Good("services:\n  web:\n    ports: [\"80:80\"]\n    depends_on: [db]\n"),
    // An `-f` extension of another file.
    crules::InFile("docker-compose-load.yaml",
                   Good("services:\n  load:\n    image: robotshop/load:2\n    depends_on: [web]\n"))});

}  // namespace
}  // namespace shipshape
