// DR015 running-docker-socket-mounted
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR015.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR015", {
    Bad(R"({"Name":"/a","HostConfig":{"Binds":["/var/run/docker.sock:/var/run/docker.sock"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"Binds":["/run/docker.sock:/var/run/docker.sock:ro"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"Binds":["/var/run:/host/run"]}})"),
    Bad(R"({"Name":"/a","HostConfig":{"Mounts":[{"Type":"bind","Source":"/run/user/1000/podman/podman.sock","Target":"/var/run/docker.sock"}]}})"),
    Bad(R"({"Name":"/a","Mounts":[{"Type":"bind","Source":"/var/run/docker.sock","Destination":"/var/run/docker.sock","Mode":"","RW":true,"Propagation":"rprivate"}]})"),
    Good(R"({"Name":"/a","HostConfig":{"Binds":["/srv/app/data:/data"]}})"),
    Good(R"({"Name":"/a","Mounts":[{"Type":"volume","Name":"docker.sock","Source":"/var/lib/docker/volumes/docker.sock/_data","Destination":"/x","RW":true}]})"),
    Good(R"({"Name":"/a","HostConfig":{"Binds":null},"Mounts":[]})")});

}  // namespace
}  // namespace shipshape
