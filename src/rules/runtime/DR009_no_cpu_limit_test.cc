// DR009 no-cpu-limit
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DR009.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DR009", {
    Bad(R"({"Name":"/a","HostConfig":{"NanoCpus":0,"CpuQuota":0,"CpuShares":0}})"),
    Bad(R"({"Name":"/a","HostConfig":{}})"),
    Good(R"({"Name":"/a","HostConfig":{"NanoCpus":500000000,"CpuQuota":0,"CpuShares":0}})"),
    Good(R"({"Name":"/a","HostConfig":{"NanoCpus":0,"CpuQuota":50000,"CpuShares":0}})"),
    Good(R"({"Name":"/a","HostConfig":{"NanoCpus":0,"CpuQuota":0,"CpuShares":512}})")});

}  // namespace
}  // namespace shipshape
