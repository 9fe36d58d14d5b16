// DC071 debug-mode-enabled
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DC071.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DC071", {
    Bad("services:\n  api:\n    image: a:1\n    environment:\n      FLASK_DEBUG: \"1\"\n      NODE_ENV: development\n",
        "services:\n  api:\n    image: a:1\n    environment:\n      FLASK_DEBUG: \"0\"\n      NODE_ENV: production\n"),
    Bad("services:\n  api:\n    image: a:1\n    environment:\n      - DEBUG=True\n",
        "services:\n  api:\n    image: a:1\n    environment:\n      - DEBUG=False\n"),
    Bad("services:\n  api:\n    image: a:1\n    command: uvicorn app:app --host 0.0.0.0 --reload\n"),
    Good("services:\n  api:\n    image: a:1\n    environment:\n      DEBUG: ${DEBUG:-false}\n      NODE_ENV: production\n"),
    crules::InFile("docker-compose.dev.yml", Good("services:\n  api:\n    image: a:1\n    environment:\n      - DEBUG=1\n"))});

}  // namespace
}  // namespace shipshape
