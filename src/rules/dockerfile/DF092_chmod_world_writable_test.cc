// DF092 chmod-world-writable
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF092.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF092", {
    Bad("FROM debian:12\nRUN chmod -R 777 /app\n"),
    Bad("FROM debian:12\nRUN chmod a+rwx /data /logs\n"),
    Bad("FROM debian:12\nRUN chmod 0666 /var/run/app.sock\n"),
    Good("FROM debian:12\nRUN chmod 755 /app/run.sh\n"),
    Good("FROM debian:12\nRUN chmod 1777 /tmp/shared\n"),
    Good("FROM debian:12\nRUN chmod +x /app/run.sh && chmod g+w /data\n")});

}  // namespace
}  // namespace shipshape
