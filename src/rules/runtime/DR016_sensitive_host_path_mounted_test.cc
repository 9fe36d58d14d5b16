// DR016 running-sensitive-host-path-mounted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR016.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR016", {
    Bad(R"({"Name":"/a","HostConfig":{"Binds":["/etc:/host/etc"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"Binds":["/:/rootfs:ro"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"Binds":["/etc/nginx:/etc/nginx"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"Mounts":[{"Type":"bind","Source":"/proc","Target":"/host/proc","ReadOnly":true}]}})"),
    Bad(R"({"Name":"/a","Mounts":[{"Type":"bind","Source":"/sys/fs/cgroup","Destination":"/sys/fs/cgroup","Mode":"rw","RW":true}]})"),
    Good(R"({"Name":"/a","HostConfig":{"Binds":["/etc/localtime:/etc/localtime:ro"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"Binds":["/srv/www:/usr/share/nginx/html"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"Binds":["/dev/log:/dev/log","/etcetera:/x"]}})"),
    Good(R"({"Name":"/a","HostConfig":{"Binds":["etc:/etc"]}})")});

}  // namespace
}  // namespace shipshape
