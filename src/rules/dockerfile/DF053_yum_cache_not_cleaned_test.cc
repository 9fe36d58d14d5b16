// DF053 yum-cache-not-cleaned
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF053.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF053", {
    Bad("FROM centos:7\nRUN yum install -y httpd\n",
        "FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n"),
    Bad("FROM rockylinux:9\nRUN yum install -y httpd\n",
        "FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n"),
    Bad("FROM centos\nRUN yum -y update && yum clean packages\n",
        "FROM centos\nRUN yum -y update && yum clean packages && yum clean all\n"),
    Bad("FROM amazonlinux:2 AS base\nFROM base\nRUN yum -y install tar \\\n  && echo done\n",
        "FROM amazonlinux:2 AS base\nFROM base\nRUN yum -y install tar \\\n  && echo done && rm -rf /var/cache/yum\n"),
    Good("FROM centos:7\nRUN yum install -y httpd && yum clean all\n"),
    Good("FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n"),
    Good("FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n"),
    Good("FROM centos:7 AS b\nRUN yum install -y gcc\nFROM scratch\nCOPY --from=b /a /a\n")});

}  // namespace
}  // namespace shipshape
